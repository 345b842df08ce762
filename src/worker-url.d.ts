/** A module worker's emitted path (vite's `?worker&url`), for `new Worker(new URL(path, root))`. */
declare module '*?worker&url' {
  const path: string;
  export default path;
}
