// Every map of the UI starts here: configured tiles when there are some, and always the bundled approximate
// council areas and main towns, so markers never float on grey when the machine has no internet.
import { nearestAreaCells } from './geo.js';
import { el } from './dom.js';

const AREA_RADIUS_KM = 28;
let councilTownsPromise = null;

function councilTowns() {
  if (!councilTownsPromise) {
    councilTownsPromise = fetch('/data/council-towns.json').then(r => {
      if (!r.ok) throw new Error('base map data missing');
      return r.json();
    });
  }
  return councilTownsPromise;
}

/** Member councils get a pale colour each (distinct in hue); neighbouring councils are grey. */
const MEMBER_COLOURS = ['#c4d9ee', '#c9e3cf', '#ecd9bf', '#ddd0e6', '#eccdd6', '#c4e4e3'];
const NEIGHBOUR_COLOUR = '#e1e3e5';

/**
 * Creates a Leaflet map in `container`. `context` is the app context ({session, cooperative}).
 * Returns the map; the base layer loads in the background.
 */
export function createMap(container, context, { center = [54.75, -2.4], zoom = 8 } = {}) {
  const map = L.map(container, { zoomSnap: 0.5, preferCanvas: false }).setView(center, zoom);
  const tiles = context.session.map && context.session.map.tileUrl;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: context.session.map.tileAttribution || '' }).addTo(map);
  }
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Approximate council areas, not official boundaries');
  addApproximateCouncilAreas(map, context.cooperative, !tiles).catch(() => {
    map.attributionControl.addAttribution('Base map data could not be loaded');
  });
  return map;
}

async function addApproximateCouncilAreas(map, cooperative, prominent) {
  const data = await councilTowns();
  const memberCodes = (cooperative.authorities || []).filter(a => a.member).map(a => a.authorityCode);
  const sites = [];
  data.councils.forEach(council => council.towns.forEach(([name, lat, lon]) => sites.push({ council, name, lat, lon })));
  const cells = nearestAreaCells(sites.map(s => [s.lat, s.lon]), AREA_RADIUS_KM);
  map.createPane('councilAreas');
  const colourOf = council => {
    const index = memberCodes.indexOf(council.code);
    return index >= 0 ? MEMBER_COLOURS[index % MEMBER_COLOURS.length] : NEIGHBOUR_COLOUR;
  };
  cells.forEach(({ cell }, i) => {
    if (cell.length < 3) return;
    const colour = colourOf(sites[i].council);
    // Opaque fills stroked in their own colour leave no seams between the towns' cells of one council;
    // over real tiles the areas are only a light tint.
    L.polygon(cell, prominent
      ? { pane: 'councilAreas', color: colour, weight: 1, fillColor: colour, fillOpacity: 1, interactive: false }
      : { pane: 'councilAreas', stroke: false, fillColor: colour, fillOpacity: 0.25, interactive: false }).addTo(map);
  });
  councilOutlines(cells, sites).forEach(line => L.polyline(line, { pane: 'councilAreas', color: '#505a5f',
    weight: 1.5, opacity: 0.8, interactive: false }).addTo(map));
  addCouncilLabels(map, data.councils, memberCodes);
  if (prominent) addTownDots(map, sites, memberCodes);
}

/** Edges between towns of different councils, and the outer edge of the drawn area: the council outlines. */
function councilOutlines(cells, sites) {
  const lines = [];
  cells.forEach(({ edges }, i) => edges.forEach(edge => {
    const across = edge.neighbour;
    // Each shared edge belongs to two cells: draw it once, from the cell with the lower index.
    if (across === -1 || (sites[across].council.code !== sites[i].council.code && across > i)) {
      lines.push([edge.from, edge.to]);
    }
  }));
  return lines;
}

function addCouncilLabels(map, councils, memberCodes) {
  councils.filter(c => memberCodes.includes(c.code)).forEach(council => {
    const lat = council.towns.reduce((s, t) => s + t[1], 0) / council.towns.length;
    const lon = council.towns.reduce((s, t) => s + t[2], 0) / council.towns.length;
    L.marker([lat, lon], { interactive: false, keyboard: false, pane: 'councilAreas',
      icon: L.divIcon({ className: 'council-label', html: '', iconSize: null }) })
      .addTo(map).getElement().append(el('span', {}, council.name));
  });
}

function addTownDots(map, sites, memberCodes) {
  sites.filter(s => memberCodes.includes(s.council.code)).forEach(site => {
    L.circleMarker([site.lat, site.lon], { radius: 2, color: '#3d3d3d', weight: 1, fillOpacity: 1,
      interactive: false, pane: 'councilAreas' }).addTo(map);
  });
  const townLabels = L.layerGroup();
  sites.filter(s => memberCodes.includes(s.council.code)).forEach(site => {
    const marker = L.marker([site.lat, site.lon], { interactive: false, keyboard: false, pane: 'councilAreas',
      icon: L.divIcon({ className: 'town-label', html: '', iconSize: null }) });
    marker.on('add', () => marker.getElement().replaceChildren(el('span', {}, site.name)));
    townLabels.addLayer(marker);
  });
  // Town names only once zoomed in enough to read them without covering the markers.
  const showTowns = () => (map.getZoom() >= 9 ? townLabels.addTo(map) : townLabels.remove());
  map.on('zoomend', showTowns);
  showTowns();
}

/** The "locations shown to about 1 km" note, as a map control so it is always visible on the map. */
export function addPrecisionNote(map, text) {
  const Note = L.Control.extend({
    onAdd: () => el('div', { class: 'map-note', role: 'note' }, text)
  });
  new Note({ position: 'bottomleft' }).addTo(map);
}

/** A legend control: items are [cssClass, label]. */
export function addLegend(map, items) {
  const Legend = L.Control.extend({
    onAdd: () => el('div', { class: 'map-legend' },
      el('ul', {}, items.map(([css, label]) => el('li', {}, el('span', { class: 'swatch ' + css, 'aria-hidden': 'true' }), label))))
  });
  new Legend({ position: 'topright' }).addTo(map);
}
