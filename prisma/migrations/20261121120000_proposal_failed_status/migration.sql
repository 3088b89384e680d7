-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'failed';
