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
        const count = counts[badge.dataset.inzetUnread] || 0;
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
