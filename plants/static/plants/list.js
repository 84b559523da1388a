// The visitor's plant list, kept in their own browser (localStorage), never on the site.
// Every page: the header link "My list (N)" points at the stored list, and each
// "Add to my list" link becomes a button that adds or removes its plant. The list page
// (/list/?plants=...) is rendered on the server from its address; here its address and
// the stored list are kept in step, and removing or clearing updates the page in place.
// Without this script the links still work: the list is then its address alone.
(function () {
  "use strict";
  var KEY = "nativeplants.list";
  var MAX = 200;
  var SYMBOL = /^[A-Z][A-Z0-9]{1,7}$/;
  var SEPARATORS = /[\s,;]+/;
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(KEY);
  } catch (error) {
    return; // storage turned off: the links and the list's address still work
  }

  function read() {
    var value;
    try {
      value = JSON.parse(storage.getItem(KEY) || "[]");
    } catch (error) {
      return [];
    }
    if (!Array.isArray(value)) return [];
    return value.filter(function (symbol) {
      return typeof symbol === "string" && SYMBOL.test(symbol);
    }).slice(0, MAX);
  }

  function write(list) {
    if (list.length) storage.setItem(KEY, JSON.stringify(list));
    else storage.removeItem(KEY);
    showCount(list);
    refreshButtons(document);
  }

  var header = document.querySelector("a[data-my-list]");
  var listPath = header ? header.pathname : "/list/";

  // The list page's address for a list, keeping the page's ZIP code and state.
  function listUrl(list) {
    var params = new URLSearchParams(window.location.pathname === listPath ? window.location.search : "");
    params.delete("plants");
    params.delete("remove");
    var rest = params.toString();
    // Symbols are letters and digits: the commas stay readable, unescaped.
    return listPath + "?plants=" + list.join(",") + (rest ? "&" + rest : "");
  }

  function showCount(list) {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-my-list]"), function (link) {
      link.href = list.length ? listPath + "?plants=" + list.join(",") : listPath;
      var count = link.querySelector("[data-my-list-count]");
      if (count) count.textContent = list.length ? " (" + list.length + ")" : "";
    });
  }

  function label(button, text) {
    var name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = " (" + button.getAttribute("data-name") + ")";
    button.textContent = text;
    button.appendChild(name);
  }

  function refreshButtons(root) {
    var list = read();
    Array.prototype.forEach.call(root.querySelectorAll("button[data-add-to-list]"), function (button) {
      var listed = list.indexOf(button.getAttribute("data-add-to-list")) >= 0;
      button.classList.toggle("is-listed", listed);
      label(button, listed ? "Remove from my list" : list.length >= MAX ? "My list is full (200)" : "Add to my list");
      button.disabled = !listed && list.length >= MAX;
    });
  }

  function enhanceButtons(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a[data-add-to-list]"), function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.setAttribute("data-add-to-list", link.getAttribute("data-add-to-list"));
      button.setAttribute("data-name", link.getAttribute("data-name"));
      button.addEventListener("click", function () {
        var symbol = button.getAttribute("data-add-to-list");
        var list = read();
        var at = list.indexOf(symbol);
        if (at >= 0) list.splice(at, 1);
        else if (list.length < MAX) list.push(symbol);
        write(list);
      });
      link.parentNode.replaceChild(button, link);
    });
    refreshButtons(root);
  }

  function same(a, b) {
    return a.join(",") === b.join(",");
  }

  // --- The list page ---------------------------------------------------------------------
  var adopted = false; // whether the page shows the stored list (edits then change it too)

  function initListPage(root) {
    var shown = (root.getAttribute("data-symbols") || "").split(",").filter(Boolean);
    var params = new URLSearchParams(window.location.search);
    var asked = (params.get("plants") || "").split(SEPARATORS).filter(Boolean).map(function (symbol) {
      return symbol.toUpperCase();
    });
    var stored = read();
    if (!params.has("plants")) {
      if (stored.length) {
        window.location.replace(listUrl(stored));
        return;
      }
      adopted = true;
    } else if (!stored.length || same(stored, asked) || same(stored, shown)) {
      adopted = true;
      if (!same(stored, shown)) write(shown); // keep what the site found: unknown symbols drop out
    }
    // A "Remove" link followed before this script ran (or in a new tab): show the list's own address.
    if (params.has("remove")) window.history.replaceState(null, "", listUrl(shown));
    bindListPage(root, stored);
  }

  function bindListPage(root, stored) {
    enhanceButtons(root);
    var shown = (root.getAttribute("data-symbols") || "").split(",").filter(Boolean);
    if (!adopted) offerToKeep(root, shown, stored);
    Array.prototype.forEach.call(root.querySelectorAll("button[data-remove-from-list]"), function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var symbol = button.value;
        update(root, shown.filter(function (other) { return other !== symbol; }));
      });
    });
    var clear = root.querySelector("a[data-clear-list]");
    if (clear) {
      clear.addEventListener("click", function (event) {
        event.preventDefault();
        update(root, []);
      });
    }
    var print = root.querySelector("button[data-print]");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    var copy = root.querySelector("button[data-copy-share]");
    var share = root.querySelector("a[data-share-link]");
    if (copy && share && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(share.href).then(function () { copy.textContent = "Link copied"; });
      });
    }
  }

  // A list from someone else's link: shown, and kept only if the visitor asks.
  function offerToKeep(root, shown, stored) {
    var offer = document.createElement("div");
    offer.className = "plant-list__offer";
    offer.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = "This is not the list saved in this browser (" + stored.length + " plant" +
      (stored.length === 1 ? "" : "s") + "). ";
    var mine = document.createElement("a");
    mine.href = listUrl(stored);
    mine.textContent = "Show my saved list";
    text.appendChild(mine);
    var keep = document.createElement("button");
    keep.type = "button";
    keep.textContent = "Save this list as mine";
    keep.addEventListener("click", function () {
      adopted = true;
      write(shown);
      offer.remove();
    });
    offer.appendChild(text);
    offer.appendChild(keep);
    root.querySelector("h1").insertAdjacentElement("afterend", offer);
  }

  // Show the list page of `list` in place: the server renders it, as it would on a visit.
  function update(root, list) {
    var url = listUrl(list);
    var stored = read();
    if (adopted) write(list);
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-plant-list]");
        if (!fresh) throw new Error("no list in the page");
        root.parentNode.replaceChild(document.importNode(fresh, true), root);
        fresh = document.querySelector("[data-plant-list]");
        window.history.replaceState(null, "", url);
        document.title = page.title;
        bindListPage(fresh, stored);
        var heading = fresh.querySelector("h1");
        heading.tabIndex = -1;
        heading.focus();
      })
      .catch(function () {
        window.location.assign(url);
      });
  }

  showCount(read());
  var listRoot = document.querySelector("[data-plant-list]");
  if (listRoot) initListPage(listRoot);
  else enhanceButtons(document);
})();
