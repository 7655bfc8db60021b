// Placeholder page: shows the co-operative and its homes on a map. The officers' UI replaces it.
(async function () {
  const status = document.getElementById('homes-status');
  const coop = await fetch('/api/cooperative').then(r => r.json());
  document.getElementById('cooperative').textContent = (coop.name || 'Co-operative') + ' — data as of ' + coop.asOf;
  const map = L.map('map').setView([54.8, -2.3], 8);
  coop.authorities.forEach(a => L.circleMarker([a.lat, a.lon], { radius: 6 }).addTo(map).bindTooltip(a.name));
  const homes = await fetch('/api/homes').then(r => r.json());
  homes.forEach(h => L.circleMarker([h.lat, h.lon], { radius: 3, color: h.vacancies > 0 ? '#00703c' : '#505a5f' })
    .addTo(map).bindTooltip(h.name + ': ' + h.vacancies + ' of ' + h.places + ' places free'));
  status.textContent = homes.length + ' homes shown.';
})().catch(e => { document.getElementById('homes-status').textContent = 'Could not load the homes: ' + e.message; });
