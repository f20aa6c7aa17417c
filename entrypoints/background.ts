export default defineBackground(() => {
  // Wired in lib/platform (see issue 2).
});
