// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", () => {
      const open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    });
  }
});

// Tables that scroll sideways (.table-scroll, focusable and labelled in the HTML): name each box
// after its table's caption or the heading before it.
document.addEventListener("DOMContentLoaded", () => {
  const boxes = document.querySelectorAll(".table-scroll[role=region]");
  const label = (box) => {
    const caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (let el = box.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
    }
    const section = box.closest("section");
    const heading = section && section.querySelector("h1, h2, h3");
    return heading ? heading.textContent.trim() : "";
  };
  // Always in the tab order: whether a box scrolls changes with the window (a phone turned
  // sideways, a zoomed page), and a keyboard user must reach the hidden part whenever it does.
  boxes.forEach((box) => box.setAttribute("tabindex", "0"));
});

// After a form error: the summary at the top takes the focus; its links move the focus to the field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
});
