import { memo, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

/** Links open outside Parley (the shell checks them); images are never fetched from a model's reply. */
const components: Components = {
  a: ({ href, children }: ComponentProps<'a'>) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/**
 * A tutor reply rendered as markdown. Raw HTML in the text is dropped (`skipHtml`, and no rehype-raw), unsafe link
 * protocols are removed by react-markdown's default URL check, and images are shown as their alt text.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml components={components} disallowedElements={['img']} unwrapDisallowed>
        {text}
      </ReactMarkdown>
    </div>
  );
});
