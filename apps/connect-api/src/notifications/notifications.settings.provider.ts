import type { Provider } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { parseNotificationsSettings, type NotificationsSettings } from './notifications.settings';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

/**
 * Validated once at boot. Reads the raw environment AppConfig keeps (same names and defaults as
 * README.md#environment-variables) plus the path secrets AppConfig resolved (incl. its local-only default).
 */
export const notificationsSettingsProvider: Provider = {
  provide: NOTIFICATIONS_SETTINGS,
  inject: [AppConfig],
  useFactory: (config: AppConfig): NotificationsSettings =>
    parseNotificationsSettings({
      ...config.rawEnv,
      TWELVEGO_WEBHOOK_PATH_SECRETS: config.TWELVEGO_WEBHOOK_PATH_SECRETS,
    }),
};
