// Keyboard shortcuts and text selection for the Woo review. No library, no build step.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".item[data-key]"));
  var current = -1;
  var help = document.getElementById("help");
  var passageDialog = document.getElementById("passage-dialog");
  var showOrig = document.getElementById("show-orig");

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function select(i) {
    if (!items.length) return;
    current = (i + items.length) % items.length;
    items.forEach(function (el, j) { el.classList.toggle("current", j === current); });
    var item = items[current];
    item.scrollIntoView({block: "nearest"});
    document.querySelectorAll("mark.open.current").forEach(function (m) { m.classList.remove("current"); });
    document.querySelectorAll('mark.open[data-item="' + item.dataset.key + '"]').forEach(function (m) {
      m.classList.add("current");
    });
    var first = item.dataset.first && document.getElementById(item.dataset.first);
    if (first) first.scrollIntoView({block: "center"});
  }
  function act(name) {
    if (current < 0) select(0);
    if (current < 0) return;
    var details = items[current].querySelector('details[data-act="' + name + '"]');
    if (!details) return;
    items[current].querySelectorAll("details").forEach(function (d) { d.open = d === details; });
    var field = details.querySelector("select") || details.querySelector("input:not([type=hidden])");
    (field || details.querySelector("button")).focus();
  }
  function openPassage() {
    var sel = window.getSelection();
    var text = sel ? sel.toString().replace(/\s+/g, " ").trim() : "";
    if (!text || !passageDialog) return false;
    var node = sel.anchorNode && (sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentElement);
    var article = node && node.closest("article[data-doc]");
    if (!article) return false;
    passageDialog.querySelector('[name="document"]').value = article.dataset.doc;
    passageDialog.querySelector('[name="passage"]').value = text;
    passageDialog.showModal();
    passageDialog.querySelector('[name="toelichting"]').focus();
    return true;
  }
  // Enter on a select submits its form (Chromium does not by itself).
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.tagName === "SELECT" && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
  });
  // Escape leaves a form in the side panel, so the shortcuts work again.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var details = e.target.closest && e.target.closest("details.act");
    if (details) { details.open = false; e.target.blur(); e.preventDefault(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    switch (e.key) {
      case "j": case "n": select(current + 1); break;
      case "k": case "p": select(current - 1); break;
      case "l": act("lakken"); break;
      case "b": act("behouden"); break;
      case "r": act("registreren"); break;
      case "s": if (!openPassage()) return; break;
      case "u": var undo = document.getElementById("undo-form"); if (undo) undo.requestSubmit(); break;
      case "o": if (showOrig) { showOrig.checked = !showOrig.checked; showOrig.dispatchEvent(new Event("change")); } break;
      case "?": if (help) help.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });
  document.querySelectorAll("[data-help]").forEach(function (b) {
    b.addEventListener("click", function () { help.showModal(); });
  });
  document.querySelectorAll("[data-close]").forEach(function (b) {
    b.addEventListener("click", function () { b.closest("dialog").close(); });
  });
  items.forEach(function (el, i) {
    el.addEventListener("click", function () { current = i; select(i); });
  });
  if (showOrig) {
    showOrig.addEventListener("change", function () { document.body.classList.toggle("show-orig", showOrig.checked); });
  }
  document.querySelectorAll("#publish-form").forEach(function (f) {
    f.addEventListener("submit", function () {
      var b = f.querySelector("button"); b.disabled = true; b.textContent = "Bezig met bouwen en controleren…";
    });
  });
  if (items.length && !location.hash && !document.querySelector(".flash.error")) select(0);
})();
