// Small behaviour for Inzet pages. Lives in a file because the Content-Security-Policy
// allows no inline scripts or event handlers.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-inzet-print]");
  if (button) {
    window.print();
  }
});

// Unread messages and notifications in the header: the server renders them with the page (no
// script needed). This only refreshes them when someone comes back to a tab left open, or to a
// page the browser restored from its back/forward cache.
function inzetRefreshUnread() {
  const badges = document.querySelectorAll("[data-inzet-unread]");
  const source = document.querySelector("[data-inzet-unread-url]");
  if (!badges.length || !source) {
    return;
  }
  fetch(source.dataset.inzetUnreadUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .then((counts) => {
      if (!counts) {
        return;
      }
      badges.forEach((badge) => {
        const kind = badge.dataset.inzetUnread;
        // The account menu's own badge shows the sum, so a closed menu still tells there is news.
        const count = kind === "total" ? (counts.messages || 0) + (counts.notifications || 0) : counts[kind] || 0;
        badge.querySelector("[data-inzet-unread-number]").textContent = count > 99 ? "99+" : String(count);
        badge.hidden = count === 0;
      });
    })
    .catch(() => {});
}
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") {
    inzetRefreshUnread();
  }
});
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    inzetRefreshUnread();
  }
});

// The header menu (inzet/templates/base.html). Without this script the menu is always open and its
// groups are plain <details>; with it, small screens get a "Menu" button, and an open group closes
// with Escape or a click elsewhere.
document.documentElement.classList.add("inzet-js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".inzet-menu-toggle");
  const menu = document.getElementById("inzet-menu");
  if (toggle && menu) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("inzet-menu--open", open);
    });
  }
  const groups = Array.from(document.querySelectorAll("details.inzet-nav__group"));
  const closeGroups = (except) => groups.forEach((group) => {
    if (group !== except) {
      group.open = false;
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
      return;
    }
    const open = groups.find((group) => group.open);
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    } else if (toggle && toggle.getAttribute("aria-expanded") === "true") {
      toggle.click();
      toggle.focus();
    }
  });
  document.addEventListener("click", (event) => closeGroups(event.target.closest("details.inzet-nav__group")));
  document.addEventListener("focusin", (event) => closeGroups(event.target.closest("details.inzet-nav__group")));
});

// A table wider than its box scrolls inside it (.inzet-table-wrap); such a box becomes a labelled
// region that takes keyboard focus, so it can be scrolled with the arrow keys, and says so.
function labelScrollRegions() {
  document.querySelectorAll(".inzet-table-wrap").forEach((wrap) => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    const hint = wrap.previousElementSibling && wrap.previousElementSibling.classList.contains("inzet-scroll-hint")
      ? wrap.previousElementSibling : null;
    if (!scrolls) {
      if (wrap.dataset.inzetScroll) {
        wrap.removeAttribute("role");
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.inzetScroll;
      }
      if (hint) {
        hint.remove();
      }
      return;
    }
    if (wrap.dataset.inzetScroll) {
      return;
    }
    const caption = wrap.querySelector("caption");
    let heading = null;
    for (let el = wrap; el && !heading; el = el.parentElement) {
      for (let prev = el.previousElementSibling; prev && !heading; prev = prev.previousElementSibling) {
        heading = prev.matches("h1, h2, h3, h4") ? prev : prev.querySelector("h1, h2, h3, h4");
      }
    }
    const name = (caption || heading || document.querySelector("h1") || {}).textContent || "";
    const more = document.documentElement.lang === "en" ? "table, scrolls sideways" : "tabel, schuift opzij";
    wrap.dataset.inzetScroll = "1";
    wrap.setAttribute("role", "region");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("aria-label", `${name.trim().replace(/\s+/g, " ")} (${more})`);
    if (!hint) {
      const p = document.createElement("p");
      p.className = "inzet-scroll-hint";
      p.setAttribute("aria-hidden", "true");
      p.textContent = document.documentElement.lang === "en"
        ? "Wide table: scroll sideways to see every column."
        : "Brede tabel: schuif opzij om alle kolommen te zien.";
      wrap.before(p);
    }
  });
}
document.addEventListener("DOMContentLoaded", labelScrollRegions);
window.addEventListener("resize", labelScrollRegions);
