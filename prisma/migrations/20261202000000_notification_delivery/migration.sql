-- Delivery of the notification outbox: reminder slots, batches and the sent message's id.
ALTER TABLE "Notification" ADD COLUMN "deliverAfter" TIMESTAMP(3);
ALTER TABLE "Notification" ADD COLUMN "batchKey" TEXT;
ALTER TABLE "Notification" ADD COLUMN "messageId" TEXT;

CREATE INDEX "Notification_batchKey_idx" ON "Notification"("batchKey");
CREATE INDEX "Notification_status_deliverAfter_idx" ON "Notification"("status", "deliverAfter");
