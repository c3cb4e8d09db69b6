// Progressive enhancement for published fact-checks: keyboard navigation between claims.
// "n" and "p" (or "j" and "k") move to the next or previous highlighted claim and announce it.
(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll(".article-text mark[id^='claim-']"));
  if (marks.length === 0) return;
  var current = -1;
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  var hint = document.querySelector(".annotated .hint");
  // Told only where there is a keyboard to press them on (not on a phone's touch screen).
  var keyboard = window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches;
  if (hint && keyboard) hint.textContent += " Press n or p to move between claims.";
  marks.forEach(function (mark) {
    mark.setAttribute("tabindex", "-1");
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var step = event.key === "n" || event.key === "j" ? 1 : event.key === "p" || event.key === "k" ? -1 : 0;
    if (!step) return;
    current = (current + step + marks.length) % marks.length;
    var mark = marks[current];
    mark.focus();
    mark.scrollIntoView({ block: "center" });
    var ref =
      mark.parentNode && mark.parentNode.querySelector("a[href='#claim-note-" + mark.id.slice(6) + "']");
    live.textContent =
      "Claim " +
      mark.id.slice(6) +
      (ref ? ": " + ref.getAttribute("aria-label") : "") +
      ". " +
      mark.textContent;
  });
})();
