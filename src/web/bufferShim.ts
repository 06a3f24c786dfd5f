// gray-matter keeps a Buffer copy of each input (`file.orig`, unused here) and browsers have no
// Buffer: this stand-in keeps the string. Injected into the browser bundle only.
export const Buffer = {
  from: (input: string): string => input,
  isBuffer: (): boolean => false,
};
