// Grid clustering for many markers: when zoomed out, markers that fall in the same screen square become one
// numbered marker; clicking it zooms in. Enough for a few thousand homes without a plugin.
import { el } from './dom.js';

const CELL_PIXELS = 56;

/**
 * items: [{lat, lon, ...}]; makeMarker(item) returns a Leaflet layer for one item.
 * Returns {layer, setItems(items)}. Clusters are rebuilt after every zoom or pan.
 */
export function clusteredLayer(map, makeMarker, { clusterBelowZoom = 11 } = {}) {
  const layer = L.layerGroup().addTo(map);
  let items = [];

  function rebuild() {
    layer.clearLayers();
    if (map.getZoom() >= clusterBelowZoom) {
      items.forEach(item => layer.addLayer(makeMarker(item)));
      return;
    }
    const cells = new Map();
    items.forEach(item => {
      const point = map.project([item.lat, item.lon], map.getZoom());
      const key = Math.floor(point.x / CELL_PIXELS) + ':' + Math.floor(point.y / CELL_PIXELS);
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(item);
    });
    cells.forEach(group => layer.addLayer(group.length === 1 ? makeMarker(group[0]) : clusterMarker(group)));
  }

  function clusterMarker(group) {
    const lat = group.reduce((s, i) => s + i.lat, 0) / group.length;
    const lon = group.reduce((s, i) => s + i.lon, 0) / group.length;
    const size = group.length < 10 ? 'small' : group.length < 50 ? 'medium' : 'large';
    const marker = L.marker([lat, lon], {
      title: group.length + ' homes here: select to zoom in',
      alt: group.length + ' homes',
      icon: L.divIcon({ className: 'cluster cluster-' + size, html: '', iconSize: [36, 36] })
    });
    marker.on('add', () => marker.getElement().replaceChildren(el('span', {}, String(group.length))));
    marker.on('click', () => map.fitBounds(L.latLngBounds(group.map(i => [i.lat, i.lon])).pad(0.2)));
    return marker;
  }

  map.on('zoomend', rebuild);
  return {
    layer,
    setItems(newItems) {
      items = newItems.filter(i => Number.isFinite(i.lat) && Number.isFinite(i.lon));
      rebuild();
    }
  };
}
