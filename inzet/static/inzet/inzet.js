// Small behaviour for Inzet pages. Lives in a file because the Content-Security-Policy
// allows no inline scripts or event handlers.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-inzet-print]");
  if (button) {
    window.print();
  }
});
