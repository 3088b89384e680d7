-- CreateTable
CREATE TABLE "LarkEvent" (
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LarkEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "LarkEvent_receivedAt_idx" ON "LarkEvent"("receivedAt");
