// Small behaviour for Inzet pages. Lives in a file because the Content-Security-Policy
// allows no inline scripts or event handlers.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-inzet-print]");
  if (button) {
    window.print();
  }
});

// Unread messages and notifications in the header: fetched after the page is shown, so no page
// pays for the count (inzet/conversations: the `unread` view). Without script the links still work.
document.addEventListener("DOMContentLoaded", () => {
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
        if (count > 0) {
          badge.querySelector("[data-inzet-unread-number]").textContent = String(count);
          badge.hidden = false;
        }
      });
    })
    .catch(() => {});
});
