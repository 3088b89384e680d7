-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('university', 'enterprise', 'park');

-- CreateEnum
CREATE TYPE "EnterpriseCategory" AS ENUM ('state_owned', 'private', 'foreign_funded', 'high_tech', 'specialised_sme', 'other');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('coordinator', 'tto_officer', 'enterprise_contact', 'manager');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('zh', 'en');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('lark', 'email', 'both');

-- CreateEnum
CREATE TYPE "PartnershipKind" AS ENUM ('demand', 'achievement');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('intake', 'review', 'matchmaking', 'negotiation', 'contracting', 'milestones', 'completed', 'rejected', 'unmatched', 'withdrawn');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('candidate', 'proposed', 'accepted', 'declined', 'expired', 'withdrawn');

-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('development', 'transfer', 'licensing', 'consulting', 'service');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('deliverable', 'payment');

-- CreateEnum
CREATE TYPE "Party" AS ENUM ('university', 'enterprise');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('lark', 'email');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "enterpriseCategory" "EnterpriseCategory",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" TEXT,
    "larkOpenId" TEXT,
    "email" TEXT,
    "language" "Language" NOT NULL DEFAULT 'zh',
    "channel" "Channel" NOT NULL DEFAULT 'both',
    "managerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "fields" TEXT[],
    "keywords" TEXT[],
    "budgetWan" DECIMAL(12,2),
    "cooperationModes" TEXT[],
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Achievement" (
    "id" TEXT NOT NULL,
    "universityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "fields" TEXT[],
    "keywords" TEXT[],
    "maturity" INTEGER NOT NULL,
    "cooperationModes" TEXT[],
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Achievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "kind" "PartnershipKind" NOT NULL,
    "title" TEXT NOT NULL,
    "stage" "Stage" NOT NULL DEFAULT 'intake',
    "demandId" TEXT,
    "achievementId" TEXT,
    "enterpriseId" TEXT,
    "universityId" TEXT,
    "region" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipEvent" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "stage" "Stage" NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnershipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchProposal" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "counterpartOrgId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" TEXT[],
    "flags" TEXT[],
    "status" "ProposalStatus" NOT NULL DEFAULT 'candidate',
    "deadline" TIMESTAMP(3),
    "declineCategory" TEXT,
    "declineReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "MatchProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NegotiationRound" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "proposedById" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "amountCny" DECIMAL(14,2),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NegotiationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "type" "ContractType" NOT NULL,
    "amountCny" DECIMAL(14,2) NOT NULL,
    "signedOn" DATE NOT NULL,
    "universityId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "responsible" "Party" NOT NULL,
    "amountCny" DECIMAL(14,2),
    "status" "MilestoneStatus" NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMP(3),
    "evidenceUrl" TEXT,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "partnershipId" TEXT,
    "channel" "NotificationChannel" NOT NULL,
    "recipientId" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_kind_region_idx" ON "Organisation"("kind", "region");

-- CreateIndex
CREATE UNIQUE INDEX "Person_larkOpenId_key" ON "Person"("larkOpenId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_role_idx" ON "Person"("role");

-- CreateIndex
CREATE INDEX "Person_organisationId_idx" ON "Person"("organisationId");

-- CreateIndex
CREATE INDEX "Demand_enterpriseId_idx" ON "Demand"("enterpriseId");

-- CreateIndex
CREATE INDEX "Achievement_universityId_idx" ON "Achievement"("universityId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_number_key" ON "Partnership"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_reference_key" ON "Partnership"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_workflowId_key" ON "Partnership"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_submissionKey_key" ON "Partnership"("submissionKey");

-- CreateIndex
CREATE INDEX "Partnership_stage_idx" ON "Partnership"("stage");

-- CreateIndex
CREATE INDEX "Partnership_universityId_idx" ON "Partnership"("universityId");

-- CreateIndex
CREATE INDEX "Partnership_enterpriseId_idx" ON "Partnership"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipEvent_partnershipId_seq_key" ON "PartnershipEvent"("partnershipId", "seq");

-- CreateIndex
CREATE INDEX "MatchProposal_counterpartOrgId_status_idx" ON "MatchProposal"("counterpartOrgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MatchProposal_partnershipId_candidateId_key" ON "MatchProposal"("partnershipId", "candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "NegotiationRound_partnershipId_seq_key" ON "NegotiationRound"("partnershipId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_partnershipId_key" ON "Contract"("partnershipId");

-- CreateIndex
CREATE INDEX "Milestone_status_dueAt_idx" ON "Milestone"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_contractId_seq_key" ON "Milestone"("contractId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_status_createdAt_idx" ON "Notification"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_idx" ON "Notification"("recipientId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_universityId_fkey" FOREIGN KEY ("universityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_achievementId_fkey" FOREIGN KEY ("achievementId") REFERENCES "Achievement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipEvent" ADD CONSTRAINT "PartnershipEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchProposal" ADD CONSTRAINT "MatchProposal_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NegotiationRound" ADD CONSTRAINT "NegotiationRound_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
