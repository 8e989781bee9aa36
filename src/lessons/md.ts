import MarkdownIt from 'markdown-it';

/** The markdown-it instance type (the CJS typings export only the constructor's value). */
export type Markdown = InstanceType<typeof MarkdownIt>;
export type MdToken = MarkdownIt.Token;


export function createMarkdown(): Markdown {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}
