import { Anchor, Typography } from '@mantine/core';
import type { AnchorHTMLAttributes } from 'react';
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
        components={{ a: SafeLink }}
      >
        {children}
      </Markdown>
    </Typography>
  );
}
