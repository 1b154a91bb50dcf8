import type { Provider } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { notificationsSettingsFrom, type NotificationsSettings } from './notifications.settings';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

/** From the boot config, which validated every notifications variable (README.md#environment-variables). */
export const notificationsSettingsProvider: Provider = {
  provide: NOTIFICATIONS_SETTINGS,
  inject: [AppConfig],
  useFactory: (config: AppConfig): NotificationsSettings => notificationsSettingsFrom(config),
};
