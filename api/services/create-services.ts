import { AccountService } from "./account-service.js";
import { AppraisalService } from "./appraisal-service.js";
import { DEFAULT_THROTTLE, type Throttle, createThrottle } from "../auth/throttle.js";
import { AssessmentService } from "./assessment-service.js";
import { AuditService } from "./audit-service.js";
import { CampaignService } from "./campaign-service.js";
import { CriteriaService } from "./criteria-service.js";
import { DeadlineService } from "./deadline-service.js";
import { EvidenceService } from "./evidence-service.js";
import { LiveScores } from "./live-scores.js";
import { PublicationService } from "./publication-service.js";
import { RankingService } from "./ranking-service.js";
import { ReportService } from "./report-service.js";
import { RoundHistoryService } from "./round-history-service.js";
import { FinalisationService } from "./finalisation-service.js";
import { RobustnessService } from "./robustness-service.js";
import { WhatIfService } from "./what-if-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { SurveyService } from "./survey-service.js";
import { SurveyImportService } from "./survey-import-service.js";
import { SheetService } from "./sheet-service.js";
import { UnitService } from "./unit-service.js";
import { WorklistService } from "./worklist-service.js";

/** The service graph, built once per process: its caches (loaded criteria sets, live scores, published rankings) exist once. */
export interface Services {
  store: ServiceDeps["store"];
  deps: ServiceDeps;
  criteria: CriteriaService;
  units: UnitService;
  campaigns: CampaignService;
  assessments: AssessmentService;
  evidence: EvidenceService;
  accounts: AccountService;
  reports: ReportService;
  rankings: RankingService;
  publication: PublicationService;
  surveys: SurveyService;
  audit: AuditService;
  /** Failed sign-ins per client address (bearer tokens now; the web sign-in's passwords later). */
  authThrottle: Throttle;
  sheets: SheetService;
  /** Every round's points and comments per item (the report page, the explanation round). */
  rounds: RoundHistoryService;
  worklist: WorklistService;
  robustness: RobustnessService;
  whatIf: WhatIfService;
  finalisation: FinalisationService;
  deadlines: DeadlineService;
  surveyImports: SurveyImportService;
  /** The scorer's bulk actions on one unit (accept the self-assessment of items or an area). */
  appraisals: AppraisalService;
}

export function createServices(deps: ServiceDeps): Services {
  const criteria = new CriteriaService(deps);
  const campaigns = new CampaignService(deps, criteria);
  const assessments = new AssessmentService(deps, criteria, campaigns);
  const live = new LiveScores();
  const rankings = new RankingService(deps, criteria, live);
  const surveys = new SurveyService(deps, criteria, campaigns);
  const reports = new ReportService(deps, criteria, assessments, live);
  return {
    store: deps.store,
    deps,
    criteria,
    units: new UnitService(deps),
    campaigns,
    assessments,
    evidence: new EvidenceService(deps, assessments),
    accounts: new AccountService(deps),
    reports,
    finalisation: new FinalisationService(deps, campaigns, rankings, reports),
    rankings,
    publication: new PublicationService(deps, campaigns, criteria, assessments, rankings, live),
    surveys,
    audit: new AuditService(deps),
    authThrottle: createThrottle({ ...DEFAULT_THROTTLE, now: () => deps.now().getTime() }),
    sheets: new SheetService(deps, criteria, assessments),
    rounds: new RoundHistoryService(deps, criteria, live),
    worklist: new WorklistService(deps, campaigns, rankings),
    robustness: new RobustnessService(deps, campaigns, rankings),
    whatIf: new WhatIfService(deps, campaigns, rankings),
    deadlines: new DeadlineService(deps, campaigns),
    surveyImports: new SurveyImportService(deps, criteria, campaigns, surveys),
    appraisals: new AppraisalService(deps, criteria, assessments),
  };
}
