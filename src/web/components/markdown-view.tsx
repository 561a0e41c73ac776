import { Anchor, Typography } from '@mantine/core';
import type { AnchorHTMLAttributes, HTMLAttributes } from 'react';
import Markdown, { defaultUrlTransform } from 'react-markdown';

const safeLink = /^(https?:|mailto:)/i;

/** Only web and mail links stay links; anything else (javascript:, data:, relative tricks) is text. */
function SafeLink({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (!href || !safeLink.test(href)) return <span>{children}</span>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Anchor>
  );
}

// Notes sit under the page's own headings: a note's "# Title" becomes a level-3 heading, so the
// page keeps one h1 and a sensible outline for screen readers.
const headings = {
  h1: (props: HTMLAttributes<HTMLHeadingElement>) => <h3 {...props} />,
  h2: (props: HTMLAttributes<HTMLHeadingElement>) => <h4 {...props} />,
  h3: (props: HTMLAttributes<HTMLHeadingElement>) => <h5 {...props} />,
  h4: (props: HTMLAttributes<HTMLHeadingElement>) => <h6 {...props} />,
};

/**
 * Markdown written by the people of a 1:1, shown safely: raw HTML is printed as text (never
 * parsed), unsafe links lose their link, and images are not loaded, so a note cannot run code or
 * tell a third party that someone read it.
 */
export function MarkdownView({ children }: { children: string }) {
  return (
    <Typography className="tandem-markdown">
      <Markdown
        skipHtml={false}
        urlTransform={(url) => (safeLink.test(url) ? defaultUrlTransform(url) : '')}
        disallowedElements={['img']}
        unwrapDisallowed
        components={{ a: SafeLink, ...headings }}
      >
        {children}
      </Markdown>
    </Typography>
  );
}
