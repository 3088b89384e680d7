-- CreateEnum
CREATE TYPE "CalendarEntryStatus" AS ENUM ('confirmed', 'cancelled');

-- CreateTable
CREATE TABLE "CalendarEntry" (
    "id" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "CalendarEntryStatus" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEntry_uid_recipientId_key" ON "CalendarEntry"("uid", "recipientId");

-- CreateIndex
CREATE INDEX "CalendarEntry_recipientId_reference_status_idx" ON "CalendarEntry"("recipientId", "reference", "status");
