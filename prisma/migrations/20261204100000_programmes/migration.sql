-- CreateEnum
CREATE TYPE "ProgrammeLevel" AS ENUM ('national', 'provincial');

-- CreateTable
CREATE TABLE "Programme" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "ProgrammeLevel" NOT NULL,
    "regions" TEXT[],
    "coordinatorIds" TEXT[],
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "parentCode" TEXT,
    "targetUniversities" INTEGER,
    "targetEnterprises" INTEGER,
    "targetExperts" INTEGER,
    "targetTransformations" INTEGER,
    "targetAmountCny" DECIMAL(16,2),
    "targetDockings" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("code")
);

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN "programmeId" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "programmeId" TEXT;

-- CreateIndex
CREATE INDEX "Programme_parentCode_idx" ON "Programme"("parentCode");

-- CreateIndex
CREATE INDEX "Partnership_programmeId_idx" ON "Partnership"("programmeId");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Programme"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("code") ON DELETE SET NULL ON UPDATE CASCADE;
