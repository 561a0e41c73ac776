import { Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from './links.tsx';
import { Logo } from './logo.tsx';

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** A line under the card, e.g. "New to Tandem? Create an account". */
  footer?: ReactNode;
  width?: number;
}

/** The quiet, centred frame of every page a signed-out person sees. */
export function AuthLayout({ title, description, children, footer, width = 440 }: AuthLayoutProps) {
  return (
    <Box className="tandem-auth-backdrop">
      <Container size={width} px="md" py={{ base: 40, sm: 72 }} component="main">
        <Stack gap="lg">
          <AnchorLink to="/" underline="never" c="inherit" aria-label="Tandem home" w="fit-content" mx="auto">
            <Logo size={32} />
          </AnchorLink>
          <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {description ? (
                  <Text c="dimmed" fz="sm">
                    {description}
                  </Text>
                ) : null}
              </Stack>
              {children}
            </Stack>
          </Paper>
          {footer ? (
            <Text ta="center" fz="sm" c="dimmed">
              {footer}
            </Text>
          ) : null}
        </Stack>
      </Container>
    </Box>
  );
}
