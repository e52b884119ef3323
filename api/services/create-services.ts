import { AccountService } from "./account-service.js";
import { AssessmentService } from "./assessment-service.js";
import { CampaignService } from "./campaign-service.js";
import { CriteriaService } from "./criteria-service.js";
import { EvidenceService } from "./evidence-service.js";
import { ResultsService } from "./results-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { SheetService } from "./sheet-service.js";
import { UnitService } from "./unit-service.js";

export interface Services {
  store: ServiceDeps["store"];
  deps: ServiceDeps;
  criteria: CriteriaService;
  units: UnitService;
  campaigns: CampaignService;
  assessments: AssessmentService;
  evidence: EvidenceService;
  results: ResultsService;
  accounts: AccountService;
  sheets: SheetService;
}

export function createServices(deps: ServiceDeps): Services {
  const criteria = new CriteriaService(deps);
  const campaigns = new CampaignService(deps, criteria);
  const assessments = new AssessmentService(deps, criteria, campaigns);
  return {
    store: deps.store,
    deps,
    criteria,
    units: new UnitService(deps),
    campaigns,
    assessments,
    evidence: new EvidenceService(deps, assessments),
    results: new ResultsService(deps, criteria, campaigns, assessments),
    accounts: new AccountService(deps),
    sheets: new SheetService(deps, criteria, assessments),
  };
}
