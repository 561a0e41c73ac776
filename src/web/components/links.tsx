import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  Card,
  type CardProps,
  Menu,
  type MenuItemProps,
  NavLink,
  type NavLinkProps,
  UnstyledButton,
  type UnstyledButtonProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine components rendered as router links, so `to`, `params` and `search` stay type-checked
// against the route tree (a bare `component={Link}` loses that checking).

type As<Props> = Props & Omit<ComponentPropsWithRef<'a'>, keyof Props>;

export const AnchorLink = createLink((props: As<AnchorProps>) => <Anchor component="a" {...props} />);
export const ButtonLink = createLink((props: As<ButtonProps>) => <Button component="a" {...props} />);
export const CardLink = createLink((props: As<CardProps>) => <Card component="a" {...props} />);
export const NavLinkLink = createLink((props: As<NavLinkProps>) => <NavLink component="a" {...props} />);
export const MenuItemLink = createLink((props: As<MenuItemProps>) => <Menu.Item component="a" {...props} />);
export const UnstyledLink = createLink((props: As<UnstyledButtonProps>) => (
  <UnstyledButton component="a" {...props} />
));
