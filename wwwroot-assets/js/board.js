// The call board refreshes itself every second from /api/hall/board (no page reload), so a call shows within 2 s.
(function () {
  const body = document.getElementById("calls");
  const waiting = document.getElementById("waiting");
  function cell(text) { const td = document.createElement("td"); td.textContent = text; return td; }
  async function refresh() {
    try {
      const response = await fetch("/api/hall/board", { cache: "no-store" });
      if (!response.ok) return;
      const data = await response.json();
      const rows = data.calls.map(c => {
        const tr = document.createElement("tr");
        tr.dataset.number = c.number;
        tr.append(cell(c.number), cell(c.window + " 号窗口"));
        return tr;
      });
      body.replaceChildren(...rows);
      waiting.textContent = data.waiting;
    } catch (e) { /* the next tick tries again */ }
  }
  setInterval(refresh, 1000);
})();
