// Live updates by short polling: every few seconds each [data-live] section is fetched again as a fragment and
// swapped in. Forms that people type into live outside those sections, so a refresh never eats their input.
(function () {
  const INTERVAL_MS = 3000;
  async function refresh() {
    const section = document.querySelector('[data-live]');
    if (!section || document.hidden) return;
    try {
      const response = await fetch(location.pathname + location.search, {
        headers: { 'X-Console-Live': '1' }, credentials: 'same-origin', cache: 'no-store'
      });
      if (response.status === 401) { location.href = '/login?stale'; return; }
      if (!response.ok) return;
      const html = await response.text();
      const holder = document.createElement('div');
      holder.innerHTML = html;
      const fresh = holder.querySelector('[data-live]');
      // Swapped only when something changed: an unchanged page keeps its selection and the element under the mouse.
      if (fresh && fresh.innerHTML !== section.innerHTML) section.replaceWith(fresh);
    } catch (e) {
      // the console is restarting or the network is away: try again at the next tick
    }
  }
  setInterval(refresh, INTERVAL_MS);
})();
