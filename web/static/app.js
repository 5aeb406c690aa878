// docmill UI enhancements. Every page works without this file; it adds
// drag-and-drop uploads with progress, the live feed, keyboard shortcuts and
// auto-refresh. Document fields are only ever set with textContent.
"use strict";

(function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function badge(text, cls) {
    return el("span", "badge" + (cls ? " " + cls : ""), text);
  }

  function docHref(id) {
    return "/documents/" + encodeURIComponent(id);
  }

  // Search: "/" focuses the query box; changing the sort re-runs the search.
  function initSearch() {
    var q = document.getElementById("q");
    var form = document.getElementById("search-form");
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && q && document.activeElement !== q &&
          !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        ev.preventDefault();
        q.focus();
        q.select();
      }
    });
    var sort = document.getElementById("sort");
    if (sort && form) {
      // a pointer's choice searches at once; arrow keys only move the
      // choice (each used to reload the page), which Enter or leaving
      // the menu then applies
      var keyed = false, changed = false;
      sort.addEventListener("keydown", function (e) {
        keyed = true;
        if (e.key === "Enter" && changed) { e.preventDefault(); form.submit(); }
      });
      sort.addEventListener("change", function () {
        if (keyed) { changed = true; return; }
        form.submit();
      });
      sort.addEventListener("blur", function () {
        if (changed) form.submit();
        keyed = false; // the next choice may be the pointer's
      });
      // a pointer's choice after keys were pressed on the menu (tabbing
      // through it) waited for the menu to lose the focus
      sort.addEventListener("pointerdown", function () { keyed = false; });
    }
    if (q && !q.value && !location.search) q.focus();
    resetOnBack(form);
  }

  // resetOnBack puts back the values the server rendered in form, which
  // are those of what the page shows, when Back or Forward returns to it:
  // the browser restores the page as it was left (its back/forward cache,
  // or its refilling of forms), with the query typed, the sort or the
  // class picked for the next page above this page's results.
  function resetOnBack(form) {
    if (!form) return;
    window.addEventListener("pageshow", function (ev) {
      var nav = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
      if (ev.persisted || (nav && nav.type === "back_forward")) form.reset();
    });
  }

  // Upload: each file is its own XHR so each has its own progress bar and
  // status; after upload, the document is polled until its result exists.
  function initUpload() {
    var form = document.getElementById("upload-form");
    var input = document.getElementById("files");
    var drop = document.getElementById("drop");
    var list = document.getElementById("uploads");
    var submit = document.getElementById("upload-submit");
    if (!form || !input || !drop || !list) return;
    var max = parseInt(form.getAttribute("data-max"), 10) || 0;
    if (submit) submit.hidden = true; // files upload as soon as they are chosen

    // At most maxActive files upload at once, the rest wait their turn: a
    // folder of 500 files dropped at once started 500 requests, which held
    // all of the browser's connections to the server (the result polls
    // queued behind them) while every file read "uploading…".
    var maxActive = 3, active = 0, waiting = [], polling = 0;
    function send(files) {
      for (var i = 0; i < files.length; i++) uploadOne(files[i]);
    }
    function next() {
      while (active < maxActive && waiting.length) {
        active++;
        waiting.shift()();
      }
    }
    function finished() {
      active--;
      setTimeout(next, 0); // after the finished request's other handlers
    }

    function uploadOne(file) {
      var item = el("li", "upload-item");
      var name = el("span", "name", file.name);
      var bar = el("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Upload progress of " + file.name);
      var status = el("span", "status", "waiting…");
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(status);
      list.insertBefore(item, list.firstChild);
      if (max && file.size > max) {
        bar.remove();
        status.textContent = "too large: " + (file.size / 1048576).toFixed(1) + " MiB, the limit is " + Math.floor(max / 1048576) + " MiB";
        status.className = "status error-text";
        return;
      }
      waiting.push(function () { start(file, item, bar, status); });
      next();
    }

    function start(file, item, bar, status) {
      status.textContent = "uploading…";
      var fd = new FormData();
      fd.append("file", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.addEventListener("loadend", finished);
      xhr.open("POST", "/api/documents");
      xhr.upload.addEventListener("progress", function (ev) {
        if (ev.lengthComputable) {
          bar.value = Math.round(ev.loaded / ev.total * 100);
          status.textContent = "uploading " + bar.value + "%";
        }
      });
      xhr.addEventListener("load", function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        bar.value = 100;
        if (xhr.status === 202 && body && body.documents && body.documents[0] && body.documents[0].id) {
          var id = body.documents[0].id;
          item.setAttribute("data-id", id);
          status.textContent = "processing…";
          poll(id, item, status, 0, body.documents[0].duplicate ? body.documents[0].note : "");
          return;
        }
        var msg = (body && body.documents && body.documents[0] && body.documents[0].error) ||
          (body && body.error) || ("HTTP " + xhr.status);
        status.textContent = "failed: " + msg;
        status.className = "status error-text";
      });
      xhr.addEventListener("error", function () {
        status.textContent = "failed: network error";
        status.className = "status error-text";
      });
      xhr.send(fd);
    }

    // later runs a poll after ms, longer the more documents are waited for
    // (500 polls every 2 s were 250 requests a second): the page asks for
    // about five results a second in all.
    function later(f, ms) {
      polling++;
      setTimeout(function () { polling--; f(); }, Math.max(ms, polling * 200));
    }

    // dupNote is set when the ingest stream dropped the upload as a copy
    // of a recent one: if no result exists, waiting would never end.
    function poll(id, item, status, n, dupNote) {
      fetch("/api/documents/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (r.status === 404) {
            return r.json().then(function (b) { return b && b.failed ? { failed: b.failed } : null; }, function () { return null; });
          }
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(function (doc) {
          if (doc && doc.failed) {
            // the pipeline refused it (moved to the dead-letter stream)
            status.textContent = "failed: " + doc.failed;
            status.className = "status error-text";
            return;
          }
          if (!doc) {
            if (dupNote && n >= 10) { status.textContent = dupNote; return; }
            if (n > 600) { status.textContent = "still processing; check the live feed"; return; }
            later(function () { poll(id, item, status, n + 1, dupNote); }, n < 20 ? 500 : 2000);
            return;
          }
          status.textContent = "";
          status.className = "status done";
          status.appendChild(document.createTextNode("done: "));
          status.appendChild(badge(doc.class, "class-" + doc.class));
          status.appendChild(document.createTextNode(" "));
          status.appendChild(link(docHref(id), doc.title || doc.filename));
          item.classList.add("done");
        })
        .catch(function (e) {
          // the server restarting, the network dropping: keep waiting
          if (n > 600) {
            status.textContent = "error while waiting: " + e.message;
            status.className = "status error-text";
            return;
          }
          status.textContent = "connection lost (" + e.message + "); retrying…";
          later(function () { poll(id, item, status, n + 1, dupNote); }, 3000);
        });
    }

    input.addEventListener("change", function () {
      send(input.files);
      input.value = "";
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      send(input.files);
    });
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (ev) {
      if (ev.dataTransfer && ev.dataTransfer.files) send(ev.dataTransfer.files);
    });
  }

  // Live feed: server-sent events, newest first, filtered by class on the
  // server.
  function initLive() {
    var feed = document.getElementById("feed");
    var status = document.getElementById("live-status");
    var sel = document.getElementById("class");
    var form = document.getElementById("live-filter");
    if (!feed || feed.getAttribute("data-enabled") !== "true" || !window.EventSource) return;
    var source = null;
    var count = 0;
    // Screen readers hear a short line at most every few seconds ("3 new
    // results, latest: ..."), not every item of a busy feed as it lands.
    var announcer = document.getElementById("live-announce");
    var unheard = 0, latest = "", lastSaid = 0, timer = null;
    function say(text) {
      if (!announcer) return;
      announcer.textContent = text;
      lastSaid = Date.now();
    }
    function announce() {
      timer = null;
      if (!unheard) return;
      say(unheard + (unheard === 1 ? " new result" : " new results") + ", latest: " + latest);
      unheard = 0;
    }
    function heard(title) {
      unheard++;
      latest = title;
      if (timer) return;
      timer = setTimeout(announce, Math.max(0, lastSaid + 5000 - Date.now()));
    }

    function item(ev) {
      var li = el("li", "feed-item new");
      li.setAttribute("data-id", ev.id);
      li.appendChild(link(docHref(ev.id), ev.title || ev.filename));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge(ev.class, "class-" + ev.class));
      if (ev.subtype) { li.appendChild(document.createTextNode(" ")); li.appendChild(badge(ev.subtype)); }
      li.appendChild(document.createTextNode(" "));
      var meta = Math.round(ev.confidence * 100) + "% · depth " + ev.depth + " · " + ev.model + " · " +
        (ev.processed_at ? new Date(ev.processed_at).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "");
      li.appendChild(el("span", "muted", meta));
      if (ev.summary) li.appendChild(el("p", "frag", ev.summary));
      return li;
    }

    function connect() {
      if (source) source.close();
      var cls = sel ? sel.value : "";
      var es = new EventSource("/api/live" + (cls ? "?class=" + encodeURIComponent(cls) : ""));
      source = es;
      feed.removeAttribute("data-connected");
      status.textContent = "Connecting…";
      // Events already queued for a replaced stream are ignored.
      es.addEventListener("open", function () {
        if (es !== source) return;
        status.textContent = "Connected · " + count + " new" + (cls ? " · class " + cls : "");
        feed.setAttribute("data-connected", "true");
      });
      es.addEventListener("error", function () {
        if (es !== source) return;
        if (feed.getAttribute("data-connected")) say("Live feed disconnected; retrying");
        status.textContent = "Disconnected; retrying…";
        feed.removeAttribute("data-connected");
      });
      es.addEventListener("result", function (m) {
        if (es !== source) return;
        var ev;
        try { ev = JSON.parse(m.data); } catch (e) { return; }
        // a reconnect resends what came after the last event seen
        if (m.lastEventId && feed.querySelector('[data-ev="' + m.lastEventId + '"]')) return;
        var empty = document.getElementById("feed-empty");
        if (empty) empty.remove();
        var li = item(ev);
        if (m.lastEventId) li.setAttribute("data-ev", m.lastEventId);
        feed.insertBefore(li, feed.firstChild);
        while (feed.children.length > 200) feed.removeChild(feed.lastChild);
        count++;
        heard(ev.title || ev.filename);
        status.textContent = "Connected · " + count + " new" + (cls ? " · class " + cls : "");
      });
    }

    if (sel && form) {
      sel.addEventListener("change", function () {
        // the server renders the latest results of the class (hiding the
        // others left an empty list when the page held none of it)
        location.href = sel.value ? "?class=" + encodeURIComponent(sel.value) : location.pathname;
      });
      var btn = form.querySelector("button");
      if (btn) btn.hidden = true;
      resetOnBack(form);
    }
    connect();
  }

  function initDashboard() {
    var box = document.getElementById("autorefresh");
    if (!box) return;
    var key = "docmill.autorefresh";
    box.checked = sessionStorage.getItem(key) === "1";
    var timer = null;
    function arm() {
      if (timer) clearTimeout(timer);
      timer = box.checked ? setTimeout(function () { location.reload(); }, 10000) : null;
    }
    box.addEventListener("change", function () {
      sessionStorage.setItem(key, box.checked ? "1" : "0");
      arm();
    });
    arm();
  }

  // Forms with data-confirm (deleting a document) ask before they submit.
  function initConfirm() {
    var forms = document.querySelectorAll("form[data-confirm]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (ev) {
        if (!window.confirm(this.getAttribute("data-confirm"))) {
          ev.preventDefault();
          return;
        }
        // confirmed here: the server's own confirmation page (for pages
        // without JavaScript) is not needed
        var yes = document.createElement("input");
        yes.type = "hidden";
        yes.name = "confirm";
        yes.value = "yes";
        this.appendChild(yes);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    initConfirm();
    var page = document.body.getAttribute("data-page");
    if (page === "search") initSearch();
    if (page === "upload") initUpload();
    if (page === "live") initLive();
    if (page === "dashboard") initDashboard();
  });
})();
