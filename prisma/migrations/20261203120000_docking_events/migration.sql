-- CreateEnum
CREATE TYPE "EventHostKind" AS ENUM ('region', 'park');

-- CreateEnum
CREATE TYPE "DockingStatus" AS ENUM ('listed', 'added', 'struck', 'launched');

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "hostKind" "EventHostKind" NOT NULL,
    "host" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "coordinatorIds" TEXT[],
    "workflowId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Docking" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "demandId" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "rank" INTEGER,
    "reasons" TEXT[],
    "status" "DockingStatus" NOT NULL DEFAULT 'listed',
    "decidedById" TEXT,
    "partnershipId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Docking_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Achievement" ADD COLUMN "patents" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "releaseNumber" TEXT,
ADD COLUMN "contact" TEXT,
ADD COLUMN "eventId" TEXT,
ADD COLUMN "approvedById" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Demand" ADD COLUMN "releaseNumber" TEXT,
ADD COLUMN "contact" TEXT,
ADD COLUMN "eventId" TEXT,
ADD COLUMN "approvedById" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN "eventId" TEXT;

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "signedAtEventId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Event_workflowId_key" ON "Event"("workflowId");

-- CreateIndex
CREATE INDEX "Docking_eventId_status_idx" ON "Docking"("eventId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Docking_eventId_demandId_achievementId_key" ON "Docking"("eventId", "demandId", "achievementId");

-- CreateIndex
CREATE UNIQUE INDEX "Achievement_releaseNumber_key" ON "Achievement"("releaseNumber");

-- CreateIndex
CREATE INDEX "Achievement_eventId_idx" ON "Achievement"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Demand_releaseNumber_key" ON "Demand"("releaseNumber");

-- CreateIndex
CREATE INDEX "Demand_eventId_idx" ON "Demand"("eventId");

-- CreateIndex
CREATE INDEX "Partnership_eventId_idx" ON "Partnership"("eventId");

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Docking" ADD CONSTRAINT "Docking_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Docking" ADD CONSTRAINT "Docking_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Docking" ADD CONSTRAINT "Docking_achievementId_fkey" FOREIGN KEY ("achievementId") REFERENCES "Achievement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
