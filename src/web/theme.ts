import {
  type CSSVariablesResolver,
  createTheme,
  localStorageColorSchemeManager,
  type MantineColorsTuple,
} from '@mantine/core';

// A calm indigo. Filled surfaces use shade 8 in both schemes so white text on them keeps a
// contrast above 6:1; shade 4 stays readable (5.6:1) as link colour on the dark background.
const tandem: MantineColorsTuple = [
  '#eef2fc',
  '#dde4f7',
  '#c0cdef',
  '#9db0e6',
  '#8199de',
  '#6a86d8',
  '#5675cf',
  '#4a6bc9',
  '#3d5bb8',
  '#2f478f',
];

const systemFonts =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'tandem',
  primaryShade: { light: 8, dark: 8 },
  colors: { tandem },
  fontFamily: systemFonts,
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, monospace',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontSmoothing: true,
  focusRing: 'auto',
  headings: {
    fontFamily: systemFonts,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
      h4: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  fontSizes: { xs: '0.75rem', sm: '0.875rem', md: '0.9375rem', lg: '1.0625rem', xl: '1.25rem' },
  spacing: { xs: '0.5rem', sm: '0.75rem', md: '1rem', lg: '1.5rem', xl: '2rem' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Card: { defaultProps: { radius: 'lg', withBorder: true } },
    Badge: {
      defaultProps: { variant: 'light', radius: 'sm' },
      styles: { root: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 } },
    },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // Mantine leaves a notification's close button unnamed; every notification gets a name here,
    // including those shown without the helpers of lib/notify.ts.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Modal: {
      // Its close button is unnamed too.
      defaultProps: {
        radius: 'lg',
        padding: 'lg',
        overlayProps: { backgroundOpacity: 0.45, blur: 2 },
        closeButtonProps: { 'aria-label': 'Close' },
      },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});

// Mantine's defaults put dimmed, error and success text under 4.5:1 on some backgrounds; these
// values keep every text colour at WCAG AA in both schemes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6370',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': '#087f5b',
    '--mantine-color-body': '#ffffff',
    '--tandem-surface': '#f7f8fa',
    // Text on light badges, alerts and avatars: Mantine's shade 9 is too pale for these hues.
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-green-light-color': '#1f6f30',
    '--mantine-color-lime-light-color': '#3f6b06',
    '--mantine-color-orange-light-color': '#a33a0c',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--tandem-border': 'var(--mantine-color-gray-3)',
  },
  dark: {
    '--mantine-color-text': '#e4e5e7',
    '--mantine-color-dimmed': '#a0a4ab',
    '--mantine-color-error': 'var(--mantine-color-red-5)',
    '--mantine-color-success': 'var(--mantine-color-teal-4)',
    '--tandem-surface': 'var(--mantine-color-dark-8)',
    '--tandem-border': 'var(--mantine-color-dark-5)',
  },
});

/** Shared with public/color-scheme.js, which applies the saved choice before the first paint. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'tandem-color-scheme' });
