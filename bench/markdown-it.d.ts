// markdown-it ships no typings; this is the slice the peer benchmark uses (the token shape
// vscode-markdown-languageservice reads is declared by that package).
declare module 'markdown-it' {
  interface MarkdownItOptions {
    readonly html?: boolean;
    readonly linkify?: boolean;
  }
  export default class MarkdownIt {
    constructor(options?: MarkdownItOptions);
    parse(src: string, env: object): unknown[];
  }
}
