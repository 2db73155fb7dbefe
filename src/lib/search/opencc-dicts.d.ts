// OpenCC's dictionary modules (opencc-js/dict/*) ship without types: each default-exports one
// string of "source target|source target|…" pairs.
declare module 'opencc-js/dict/*' {
  const pairs: string;
  export default pairs;
}
