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

/** Member councils get a colour each (distinct in hue and lightness); neighbours are grey. */
const MEMBER_COLOURS = ['#4c8dc9', '#5aa469', '#c98a3d', '#9a6fb0', '#c2607a', '#3fa3a0'];

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
  map.attributionControl.addAttribution('Approximate council areas drawn from main towns, not official boundaries');
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
    return index >= 0 ? MEMBER_COLOURS[index % MEMBER_COLOURS.length] : '#b1b4b6';
  };
  cells.forEach((cell, i) => {
    if (cell.length < 3) return;
    const member = memberCodes.includes(sites[i].council.code);
    L.polygon(cell, { pane: 'councilAreas', stroke: false, fillColor: colourOf(sites[i].council),
      fillOpacity: prominent ? (member ? 0.35 : 0.2) : 0.12, interactive: false }).addTo(map);
  });
  addCouncilLabels(map, data.councils, memberCodes);
  if (prominent) addTownDots(map, sites, memberCodes);
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
