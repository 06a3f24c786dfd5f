// Stands in for Node built-ins that bundled libraries import but never call in the browser
// (gray-matter imports `fs` for its `read()` helper, which prfaq-trace does not use).
export default {};
