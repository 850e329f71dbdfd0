// The hall's call board (/Hall/Board). Every second it reads /api/hall/board (no page reload): the last calls, newest
// first. A new call stands out (large at the top, its row flashing) and is announced by voice (语音叫号, "请 A002 号到
// A01 号窗口办理") through the browser's speech synthesis with a Chinese voice. Browsers speak only after someone has
// pressed something on the page, so the screen offers "开启语音播报"; the board says plainly when the browser has no
// Chinese voice, cannot speak at all, or the voice is not switched on. Without this script the board still shows the
// calls as they were when the page was loaded.
(function () {
  "use strict";

  var body = document.getElementById("calls");
  var latest = document.getElementById("latest");
  var waiting = document.getElementById("waiting");
  var toggle = document.getElementById("voice-toggle");
  var status = document.getElementById("voice-status");
  if (!body || !latest || !waiting || !toggle || !status) return;

  // The calls already on the screen when it was loaded are not announced again.
  var seen = new Set(Array.prototype.map.call(body.querySelectorAll("tr[data-key]"), function (tr) { return tr.dataset.key; }));
  var shown = "";
  var synth = "speechSynthesis" in window ? window.speechSynthesis : null;
  var voice = null;
  var lookedLongEnough = false;
  var on = false;

  function isChinese(v) { return String(v.lang || "").toLowerCase().replace("_", "-").indexOf("zh") === 0; }

  function chineseVoice() {
    var voices = Array.prototype.slice.call(synth.getVoices() || []);
    var zh = voices.filter(isChinese);
    return zh.filter(function (v) { return /^zh-cn/i.test(String(v.lang).replace("_", "-")); })[0] || zh[0] || null;
  }

  function showVoice() {
    if (!synth) {
      toggle.hidden = true;
      status.textContent = "本屏幕的浏览器不支持语音播报，请留意屏幕显示的号码。";
      return;
    }
    if (!voice) {
      toggle.hidden = true;
      status.textContent = lookedLongEnough
        ? "本屏幕没有中文语音，无法语音播报，请留意屏幕显示的号码。"
        : "正在查找中文语音……";
      return;
    }
    toggle.hidden = false;
    toggle.textContent = on ? "关闭语音播报" : "开启语音播报";
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    status.textContent = on
      ? "语音播报已开启。"
      : "语音播报未开启，叫号不会发声：请点击“开启语音播报”（浏览器要求先在本页点击一次）。";
  }

  function findVoice() {
    if (!synth) return;
    voice = chineseVoice();
    if (!voice && (synth.getVoices() || []).length > 0) lookedLongEnough = true;
    if (!voice) on = false;
    showVoice();
  }

  function speak(text) {
    if (!synth || !voice || !on) return;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    synth.speak(utterance);
  }

  toggle.addEventListener("click", function () {
    on = !on;
    if (!on && synth) synth.cancel();
    showVoice();
    // Spoken inside the click, which is what lets the browser speak the later calls.
    speak("语音播报已开启");
  });

  function cell(text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function flash(element) {
    element.classList.remove("fresh");
    void element.offsetWidth; // restarts the animation
    element.classList.add("fresh");
  }

  function render(data) {
    var fresh = data.calls.filter(function (c) { return !seen.has(c.key); });
    var rows = data.calls.map(function (c, i) {
      var tr = document.createElement("tr");
      tr.dataset.number = c.number;
      tr.dataset.key = c.key;
      if (i === 0) tr.classList.add("newest");
      if (fresh.indexOf(c) >= 0) tr.classList.add("fresh");
      tr.append(cell(c.number, "number"), cell(c.window + " 号窗口"), cell(c.at, "at"), cell(c.state, "state"));
      return tr;
    });
    body.replaceChildren.apply(body, rows);
    latest.textContent = data.calls.length > 0 ? data.calls[0].headline : "暂无叫号";
    if (fresh.length > 0) flash(latest);
    // Oldest first, as they were called.
    fresh.slice().reverse().forEach(function (c) {
      seen.add(c.key);
      speak(c.announcement);
    });
  }

  async function refresh() {
    try {
      var response = await fetch("/api/hall/board", { cache: "no-store" });
      if (!response.ok) return;
      var data = await response.json();
      waiting.textContent = data.waiting;
      var text = JSON.stringify(data.calls);
      if (text === shown) return;
      shown = text;
      render(data);
    } catch (e) { /* the next tick tries again */ }
  }

  if (synth) {
    findVoice();
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", findVoice);
    else synth.onvoiceschanged = findVoice;
    // A browser without any voice may never say so: stop looking after 3 seconds.
    setTimeout(function () { lookedLongEnough = true; findVoice(); }, 3000);
  } else {
    showVoice();
  }

  refresh();
  setInterval(refresh, 1000);
})();
