/** A message as its recipient reads it (GET /api/notifications). */
export interface NotificationRecord {
  id: number;
  template: string;
  applicationId: number | null;
  read: boolean;
  createdAt: string;
  text: { zh: string; en: string };
}
