/**
 * Bundled example data: a real corporate risk register, as the toolkit's Risks and
 * Assessments data sheets.
 *
 * Transcribed from the West Midlands Police "Force Risk Register September 2022" (a public
 * document, reported for quarter Q2 2022/23; its trend columns are Q3 2021/22, Q4 2021/22,
 * Q1 2022/23 and Q2 2022/23) and its "Force Closed Risks September 2022" page.
 *
 * What is transcribed (faithfully, only PDF line-break joins and hyphenation repaired, bullets
 * normalised to lines starting with "- "; the source's own spelling is kept): every risk's ID,
 * name, description, impact narrative and key controls and activities; the closed risk's impact,
 * key controls, closed rationale, date closed and date the closure was reported; and, in
 * FORCE_REGISTER_EXPECTED, the published trend arrows and residual risk ratings.
 *
 * What is reconstructed (plausible, NOT from the document): owners, dates raised, and every
 * quarterly impact/probability assessment. The document publishes only arrows and ratings, so
 * the scores were chosen so that the trend rule (N/A before the first assessment, New in its
 * quarter, then ↑/↓/↔ against the previous quarter's standing score) reproduces the published
 * arrows exactly and the Q2 2022/23 score gives the published rating (1-4 Low, 5-10 Medium,
 * 12-16 High, 20-25 Critical). The closed risk's ID (CRR14, unused by the open risks), name and
 * description are reconstructed too: its page carries neither ID, name nor description.
 *
 * Reading choices where the PDF export is ambiguous:
 * - CRR11 shows only three arrows (`↔ ↔ ↔`) for four quarter columns; read as `↔ ↔ ↔ ↔`
 *   (a steady Medium risk assessed before the window, as for CRR12 and CRR13).
 * - Where the jumbled columns leave the Description/Impact boundary unmarked, the risk
 *   statement ("There is a risk...") is taken as Description and the consequences as Impact
 *   (CRR03: the paragraph "There is a lack of CPD days..." is read as Impact; CRR13: the first
 *   paragraph is Description, the next two Impact).
 * - CRR06's key controls end with a stray "E7" (a spreadsheet cell reference leaked into the
 *   export); it is dropped.
 * - CRR05's controls say "answers to the following;" but the list did not survive the export;
 *   the sentence is kept as published.
 * - CRR02's "o" sub-bullets are written as indented "  - " lines, CRR07's "•" bullets as "- ".
 *
 * Also reconstructed, to show the optional columns of a register (inherent and target
 * assessments, a target date and an appetite): the Risks sheet's last six columns, filled for
 * CRR20, CRR03, CRR13 and CRR10 only. The published register shows the residual rating alone.
 *
 * Management (reconstructed from the published text, PRODUCT §8): CRR15 ("Recommended that risk
 * is closed off") and CRR16 (approval to close sought at the Cadet Governance Board) are Proposed
 * for closure, with that text as their rationale; CRR22 ("Risk will be put for closure during
 * Quarter 3") stays Open this quarter. Every risk is reviewed Quarterly and two carry a Next
 * review date (CRR05's passed before the quarter's end). The Actions sheet's actions follow each
 * risk's key controls; their owners, due dates and statuses are invented.
 */
import type { CellValue, DateCell } from '../core/cells/cell.ts';
import { ACTION_HEADERS, ASSESSMENT_HEADERS, RISK_HEADERS } from '../core/index.ts';

const date = (iso: string): DateCell => ({ kind: 'date', iso });

/** Paragraphs (or list items) of one cell, one per line. */
const text = (...lines: string[]): string => lines.join('\n');

interface RiskRecord {
  id: string;
  name: string;
  description: string;
  impact: string;
  controls: string;
  owner: string;
  raised: string;
  closed?: { date: string; rationale: string; reported: string };
}

/** The optional columns the example shows for a few risks (reconstructed, see above). */
interface Outlook {
  inherent: readonly [impact: number, probability: number];
  target: readonly [impact: number, probability: number];
  targetDate: string;
  /** A score or a rating name. */
  appetite: number | string;
}

/** The Risks sheet's optional columns, after the seed's. */
const OUTLOOK_HEADERS = [
  'Inherent impact',
  'Inherent probability',
  'Target impact',
  'Target probability',
  'Target date',
  'Appetite',
] as const;

const OUTLOOKS: Readonly<Record<string, Outlook>> = {
  // Residual 5 × 4 = 20 Critical, above its appetite of 12.
  CRR20: { inherent: [5, 5], target: [4, 3], targetDate: '2023-03-31', appetite: 12 },
  // Residual 4 × 3 = 12 High, within an appetite of High.
  CRR03: { inherent: [4, 4], target: [3, 3], targetDate: '2023-06-30', appetite: 'High' },
  // Residual 5 × 3 = 15 High, above an appetite of Medium.
  CRR13: { inherent: [5, 5], target: [5, 2], targetDate: '2023-09-30', appetite: 'Medium' },
  // Residual 5 × 5 = 25 Critical, inherent the same.
  CRR10: { inherent: [5, 5], target: [4, 3], targetDate: '2024-03-31', appetite: 16 },
};

/** Open risks proposed for closure, with the rationale the committee reads. */
const PROPOSALS: Readonly<Record<string, string>> = {
  CRR15:
    'ARIS funding formula will not be changed; Ministers approved Option 2 for Special Branch and all funding and the MOU are approved. Recommended that risk is closed off.',
  CRR16:
    'Safer Recruitment is 100% compliant and 95% have completed mandatory safeguarding training. Approval to close from the CRR and manage at Portfolio level sought at Cadet Governance Board (22 September) and CiP Thematic Board (17 October).',
};

/** The Risks sheet's review columns, after the outlook ones: every risk is reviewed quarterly. */
const REVIEW_HEADERS = ['Next review', 'Review frequency'] as const;
const NEXT_REVIEWS: Readonly<Record<string, string>> = { CRR05: '2022-09-01', CRR20: '2022-11-30' };

/** A few actions per risk, drawn from the key controls (Risk ID, Action, Owner, Due date, Status, Completed). */
const ACTIONS: readonly (readonly [string, string, string, string, string, string | null])[] = [
  [
    'CRR20',
    'OPCC audit of the Parole Board disclosure process; act on its recommendations',
    'Head of Information Management',
    '2022-10-31',
    'In progress',
    null,
  ],
  [
    'CRR20',
    'Agree an IT solution for recording Parole Board information requests',
    'Head of IT',
    '2022-09-15',
    'Not started',
    null,
  ],
  [
    'CRR03',
    'Accredit the ORU PLATO classroom training with L&D',
    'ACC Operations',
    '2022-07-31',
    'In progress',
    null,
  ],
  [
    'CRR03',
    'Fund additional JESIP trainers for 2022/23 to 2024/25',
    'ACC Operations',
    '2022-12-31',
    'Not started',
    null,
  ],
  [
    'CRR08',
    'Agree the charging model for red cases with the CPS',
    'ACC Crime',
    '2022-09-30',
    'In progress',
    null,
  ],
  [
    'CRR10',
    'Report the 2022/23 efficiency savings plan to the Strategic Finance board',
    'Director of Commercial Services',
    '2022-08-31',
    'Complete',
    '2022-08-18',
  ],
  [
    'CRR22',
    'Finalise the biometric working group terms of reference',
    'Head of Forensic Services',
    '2022-08-31',
    'Complete',
    '2022-08-24',
  ],
  [
    'CRR16',
    'Present the closure proposal to the Cadet Governance Board',
    'Head of Citizens in Policing',
    '2022-09-22',
    'Complete',
    '2022-09-22',
  ],
];

// ---------------------------------------------------------------------------------------------
// Risks, in the published register's order; the closed risk last.
// ---------------------------------------------------------------------------------------------

const RISKS: RiskRecord[] = [
  {
    id: 'CRR20',
    name: 'Probation Data Sharing & Disclosure',
    description:
      'Since the implementation of the Parole Board Rules 2019, there is a risk that the Force does not have the appropriate oversight and a centralised process to deal with and record the expanded requirements regarding information requests made by the Parole Board.',
    impact:
      'This could lead to legal costs – the cost of wrongful imprisonment and/or ICO fines – lack of accurate information, threat to life, and/or damage to the force’s reputation. Possible lack of compliance with GDPR rules.',
    controls: text(
      '- The Parole Board and NPCC are finalising an MOU to define the specific reasons and means of sharing personal data between the Parole Board and Police Forces of England & Wales, which will control this risk more effectively.',
      '- Work has been undertaken by Information Management (IM) to design a process which is being followed. The process and disclosures will be audited by the OPCC imminently and we will follow any recommendations as a result of the audit.',
      '- Plans for mitigation- IT solution is under consideration.',
    ),
    owner: 'Head of Information Management',
    raised: '2021-11-08',
  },
  {
    id: 'CRR03',
    name: 'Operational Training and Embedded Learning',
    description: text(
      'Op Plato Embedding',
      'There is a risk that Operational Officers fail to adopt the national Joint Operating Principles introduced to WMP in December 2020 in a timely manner. A new challenge with this risk is the lack of ownership locally now that ORU have rolled out the training to keep this an annual refresher on CPD days within departments.',
      '',
      'JESIP Command Training.',
      'Limited roll out of the JESIP re-accreditation courses. This has been caused by insufficient access to training venues and JESIP trainers amongst the tri-service and could lead to a delay in re-accreditation of the JESIP Commanders and upskilling new staff.',
    ),
    impact:
      'There is a lack of CPD days within departments and prioritisation of training competes locally to complete the roll out. The risk is that the national doctrine has changed quicker than the ability and competency of officers in adopting these changes.',
    controls: text(
      '- Total 2791 staff and Officers trained in the Operation PLATO classroom input as of 07/04/2022. Additional Inputs are planned up to the commonwealth games. Delivery volume is a challenge. A train the trainer programme is underway but support is still required from the ORU to manage quality and training records. The speed of delivery has slowed with the ORU requirement to support other exercises and Major Incident Topics. Work is ongoing with L&D to formally accredit the ORU PLATO classroom training product so it can be placed on officer and staff training records. Compliance is monitored through the Non Specialist Responder Working Group.',
      '- Before 01/09/2021 we had a total of 29 JESIP command trained. Between 01/09/2021 and 26/07/2022 we have trained an additional 259 commanders on the JESIP course.',
      '- NCALTS for JESIP and PLATO are still being managed through the OP Plato Working Group, now renamed the ‘Major Incident (Non-specialist responders) working group’.',
      '- ORU are currently preforming all of the JESIP course delivery, management and accreditation since December 2021 due to a loss of trainers in L&D. Delivery of command courses is currently undertaken by two roles in the ORU in addition to their FTE. This is currently not sustainable. Funding and roles are required for additional trainers to meet the expected demand for 2022/3/4.',
      '- It is possible that the demand list for formal JESIP command training will expand following the publication of the Manchester Arena Inquiry. The system that the force has in place will need to be able to accommodate this.',
    ),
    owner: 'ACC Operations',
    raised: '2020-01-14',
  },
  {
    id: 'CRR08',
    name: 'Investigative and Criminal Justice Process and Outcome',
    description: text(
      '- There is a risk that the case backlog that exists due to COVID may result in victims and witnesses losing faith in the Criminal Justice system. The backlog also puts at risk the cost recovery from Police Led Prosecutions. There is also the risk of an additional strain on CJS resources, particularly in Witness Care, due to the new court listings process.',
      '- Updates to the Attorney General’s Guidelines on Disclosure which sits alongside the Criminal Procedure and Investigations Act (“CPIA”) 1996, has an impact on the working practices of investigations officers and staff, with a short turnaround time for adhering to the guidance.',
    ),
    impact: text(
      '- The impact is that justice is not served for victims and witnesses and WMPs reputation is at risk as a reduced number of cases are being heard by the Courts (including murder trials). The reduction of Courts will also result in a significant loss of income recovery from PLP. There may also be additional welfare issue for Witness Care staff due to the supplementary work required.',
      '- The new guidance has implications for how the police engages with other parts of the CJS, in terms of timeliness, mandatory disclosures and digital evidence. In particular, it increases the expectations on the recording of materials in the course of an investigation - extending requirements to unused material and provision of schedules for all Pre-Charge cases. The combined effect of these changes could result in an increase in the number of bail cases and CPS rejections, creating further demands on the force.',
    ),
    controls: text(
      '- The magistrates court listings have returned to pre-covid levels.  Areas nationally being explored at present are considering to allow Magistrates to manage cases that would incur 12 months sentences so less referrals to crown court.  Proof in absence cases for minor incidents has had limited impact on reducing case volumes',
      "- The crown court delay is approx. 2 years.  Additional staff have been recruited into witness care units to support victims.( to be reviewed to see if this will be extended through national funding)  The staff have been provided with additional trauma informed training to better support vulnerable victims and RASSO / DA cases ( now complete and the unit has acchieved  the national accrediaition mark in June '22).   Aspects of the new charging model have yet to be agreed locally with CPS for red cases to agree cases that would be defined based on threat/ risk cases and the SLA for discretional Green cases. ( still not agreed nationally).To review the uptake of the video enabling programme allowing Officers to have warnings directly sent from the common platform when it lands in October '22. Thus reducing work in the unit.",
      '- The government changes likely to be implemented around Section 28 allowing cross examination for all DA victims – will have significant impact for force around capacity and capability (training of staff for VRI- ABE).  This is being managed through crime governance board (CGB) and the NPCC lead is attending CGB and FLC.',
    ),
    owner: 'ACC Crime',
    raised: '2020-06-22',
  },
  {
    id: 'CRR15',
    name: 'S22 Governance',
    description: text(
      'ROCU - If the current model - ARIS (Asset Recovery Incentivisation Scheme) is altered and assets seized were distributed across the region e.g. as per the current funding formula WMP OPCC would stand to lose 47% of current ARIS funding.  There is a risk that if ARIS funding is not provided to other forces they may withdraw resource from the ROCUWM as they are not seeing equitable benefits from the regional agreement.',
      '',
      'CTU – There are two proposed options for the method of transferring Special Branch funding into CT Policing as part of the national SB Reform project. There is a risk that if Option 1 is chosen the transfer of SB funding into CT Grant will result in a ‘top slice’ from forces across the region that is not consistent with the actual spend of Special Branch. Option 2 would be a one-time adjustment. Based on this information, there is a risk that WMP will see their budget reduced by more than the actual cost of Special Branch.',
    ),
    impact: text(
      'ROCU - If the current model was altered and assets seized were distributed across the region e.g. as per the current funding formula WMP OPCC would stand to lose approximately 47% of current ARIS funding. This would have a significant impact on the funding of the WMP Economic Crime Team (ECT) and funds available for POCA initiatives.',
      '',
      'CTU - The impact of option 1 is that there is a possibility that the force will see their budget reduced by more than the current expenditure for Special Branch. Option 2 would be a one-time adjustment meaning that forces’ individual funding only decreases by their expenditure on Special Branch.',
    ),
    controls: text(
      'ROCU',
      'With respect to the ROCU and ARIS – The WMP Police and Crime Commissioner (PCC) has written to regional PCCs outlining the position and the funding formula will not be changed.',
      '',
      'CTU',
      '- Following an extensive engagement and consultation process with Chief Constables, Police & Crime Commissioners and Ministers, with strong endorsement from the CT Policing Network, the decision was taken by Ministers to approve Option 2 and this is currently being actioned.',
      '- All funding and the MOU has now been approved and this has no impact on the current CTU funding. Regionally we have a finance group that will review expenditure across the whole region to ensure we are in line with the budget.',
      '',
      'Recommended that risk is closed off.',
    ),
    owner: 'ACC Security',
    raised: '2021-05-17',
  },
  {
    id: 'CRR09',
    name: 'Recruitment & Retention / Uplift',
    description: text(
      'There is a risk of being unable to recruit staff across the Force in a timely manner and aligned with the strategic workforce planning requirements.',
      '',
      'The uplift targets and their associated entry routes (e.g. PEQF) create significant additional demand on WMP. The failure to meet recruitment targets will impact on the forces resilience and may potentially affect future funding from the Home Office.',
      '',
      'There is a risk that a number of student officers have been identified as potentially being at risk of dismissal due to repeated failures of university modules.',
    ),
    impact: text(
      '- WMP will not be able to recruit and retain sufficiently skilled people to deliver our service. Risk to service provision and accreditation status in some cases (e.g. Forensics). Longer-term employee relations impact. Potential loss of confidence from WMP colleagues who were anticipating additional resources to join them.',
      '- Due to the sheer volume of demand and complexity of entry criteria, WMP is not able to push through the uplift recruitment pipeline quickly enough resulting in missed targets or not meeting resourcing assumptions. Reputational (and potential financial) impact on WMP from the Home Office.',
      "- The impact is this may be significant for WMP and the government's confidence in us.",
      '- The impact of a student officer repeatedly failing their modules, will lead to the student being dismissed from their university course, WMP currently has no other training programme available to see them though their probationary period.',
    ),
    controls: text(
      '- Recruitment and onboarding activity continues to progress with current focus on August-October intakes. The current recruitment forecast will see WMP recruit c39 officers in excess of the 22/23 national uplift target',
      '- Ongoing Gold group focusing on Uplift recruitment, representation and retention and a monthly recruitment meeting between Resourcing, Workforce Planning, L&D and Finance to monitor the recruitment plan and ensure it delivers against the Uplift target.',
      '- We are working closely with Staffs Uni to implement programme improvements and are continuous improving the WMP elements of the student officer programme based on colleague feedback',
      '- There is a named retention SPOC in Ops L&D to support and retain student officers with a similar SPOC in Employee Relations to retain substantive officers.',
      '- Working with national uplift programme around attraction initiatives and talent pipelines to ensure these are sufficient to meet intake targets.',
      '- Planned survey to be sent to officers with 23+ years to understand retirement plans linked to the change in pension regulations.  This information will then be used to inform the Workforce Plan',
      '- Outreach team running a range of events to attract and support applicants from diverse communities.  10 events run during the Commonwealth games and 2 discovery days scheduled per month, run by the Outreach Team.',
      '- There has been no officer intakes since April due to a pause for the CWG, intakes scheduled to recommence 15th August.  31.5% of applications in July from ethnic minority groups (target 30%) with 41.1% of applications coming through females slightly below the target of 50%. Promotion processes have also been paused for the CWG with the next process (PC to SGT scheduled for Q3/Q4 of this year.',
      '- Of the 38 Police Officer leavers in July, 26.3% were Female and 13.2% were from Ethnic Minority groups.  This compares to overall representation of 35.1% female Police Officers and 13.6% ethnic Minority officers. Therefore attrition of female officers was significantly lower than overall female representation with attrition of ethnic minority officers slightly below overall ethnicity minority representation.',
      '- Better oversight of leadership programmes – Review of WMP Talent Board, Aligning talent governance with Fairness & Belonging strategy & leadership framework, Talent Data Insight Report in progress -Track URGs uptake of talent programmes and outcomes',
      'The CoP Inspire Talent Programme is now complete. It ran in April with the CoP delivering 2 workshops with a total number of 46 people included from WMP.',
    ),
    owner: 'Director of People and Organisational Development',
    raised: '2019-10-07',
  },
  {
    id: 'CRR13',
    name: 'Cybersecurity',
    description:
      "Failure of the Force's IT&D systems (due to cyber-attack, hardware failure, loss of IT systems via IT services provider or other data security breaches) will lead to severe disruption to service delivery and response.",
    impact: text(
      'Loss of access to IT systems due to a failure in our cyber security for an extended period of time could adversely impact WMP’s ability to continue service delivery and business operations.',
      '',
      'This could also lead to potential data breaches, an inability to access key systems and reputational damage.',
    ),
    controls: text(
      '- IT&D operate a suite of mitigations to prevent Cyber Attack, this ensures we have a robust approach to security and helps defend our data and systems:',
      '- We Secure by Design – All designs for systems have oversight of both a Security Architect and Information Assurance experts who validate best design/secure practise in technology solutions before implemented.',
      '- We backup our data to prevent corruption, and this data is stored separate to the system by geographic resilience. We test our backup restore processes and document the outcomes.',
      '- Colleagues reminded about being vigilent online and when receiving emails, due to the heightened possibility of cyber-attack from overseas (given the Russia-Ukraine conflict).',
      '',
      'The positive/proactive position IT&D/WMP are currently operating for Cyber is good, it needs to remain as an ongoing risk – albeit there are not specific actions that will remove/fully mitigate this risk it is a continual risk.',
      '',
      '1. IT&D engaged the National Monitoring Centre (NMC) operated by PDS (Police Digital Service) to provide Enhanced Monitoring for the CWG period of operation.',
      '2. This Enhanced Monitoring was provided, and allowed for some real-world operational test of our Cyber Response.',
      '',
      'IT&D were present on the Ukraine GOLD group – chaired by ACC Baker, where we reported all security actions taken (and current position) based on the heightened cyber threat from Russia.  IT&D followed the recommendations received by the NMC (National Monitoring Centre) operated by PDS (Police Digital Service) in order to ensure any emerging threats or intelligence was noted and action completed accordingly (This often involved blocking malicious IP addresses on our firewall security perimeter).  Along with the non-UK Block of inbound Internet traffic (That has been in-place since Jan 22’) this provided a solid security foundation for WMP.',
    ),
    owner: 'Director of IT&D',
    raised: '2020-03-02',
  },
  {
    id: 'CRR06',
    name: 'Corporate Health, Safety and Wellbeing',
    description:
      '- There may be an increase in employee related mental health and wellbeing issues which impacts WMP’s ability to deliver and recover operational services during the d post pandemic environment.',
    impact:
      '- Failure to look after the wellbeing of our staff could have a significant impact on employee confidence, poorer engagement, and increased sickness levels.',
    controls: text(
      '- Enhanced force approach to trauma risk identification and management (TRIM), with the introduction of the emergency services trauma intervention programme (ESTIP) on a pilot basis - psychological screening for colleagues in the highest risk roles, further engagement with occupational health, focus groups in place.',
      '- Efficient signposting to VIVUP, TRiM process, Occupational Health, sporadic clinical supervision, use of watchful waiting and line manager and colleague observations.  Increased discussion and conversations regarding wellbeing taking place.',
      '- Provision of free flu jab scheme running again in 22/23 with positive uptake in previous years.',
      '',
      'COVID',
      '- Risk assessment process and line management guidance in place to ensure the effective management of COVID within the workplace.',
      '- COVID element retained within pregnancy risk assessments, and for consideration for CEV staff via the provision of a reasonable adjustment passport/reasonable adjustments where appropriate.',
      '- PPE to remain available for colleagues to utilise based on personal choice/responsibility, including the provision of lateral flow tests for symptomatic colleagues in operational roles.',
      '- Protective measures across the estate retained where appropriate.',
    ),
    owner: 'Director of People and Organisational Development',
    raised: '2020-04-06',
  },
  {
    id: 'CRR23',
    name: 'JTAI Connect Risk',
    description:
      'Following the Joint Targeted Area Inspection (JTAI) earlier in the year, inspectors raised a concern in relation to the data held within the Connect system. This was specifically in relation to multiple and/or incomplete records held against the same person. There is a risk that incomplete records within Connect could lead to at risk individuals not being linked and identified in a timely manner against individuals who could pose a risk to them.',
    impact:
      'This risk means that when officers and staff research ‘Connect’, they may miss important information. This could also pose a huge reputational risk to the Force should the risk materialise.',
    controls: text(
      'Seperate Full Update Report Available.',
      '',
      '- Created additional posts in the Records Management team, responsible for merging of duplicate records and related data quality issues. During the past six months the team have completed over 15,000 manual merges (equating to ~60,000 Person duplicates) alongside other data quality activities.  The uplift in posts  has coincided with several retirements and one long term sickness absence.  It is anticipated that the team will be up to full strength and capability by December 2022.',
      '- Further Back Record Conversion (BRC2) work has introduced ~100,000 additional duplicate Person records. Additional BRC activity is planned which may increase the number of duplicates further',
      '- Added further automated merging of duplicate records with CONNECT, reducing the volumes requiring manual intervention by the Records Management team.The Linking Tool in the new version of CONNECT CGL2 - implementation timeline has now moved from spring’23 to June’23 at the earliest',
      '- Implemented two document proforma’s within PPU, which automatically collate previous crime and intelligence history for the people and locations involved in safeguarding decisions.These document proformas have been used in over 2,100 PPU investigations in the past four months and independent dip sampling conducted by the PPU Prepare Hub shows a significant time saving, measurable in hours, where these templates have been used in the CRU.',
      '- We have begun an internal data quality campaign titled ‘Think before you link’ to encourage all CONNECT users to consider the implications of poor linking and the need to link children. Audit work undertaken with partners has found that these non-crimes are correctly recorded, they contain accurate details and appropriate thresholds for recording have been applied.',
      '- The two proposed technical changes to the system have not yet been implemented, they have been costed by NEC, approved by WMP and budget allocated (total ~£120,000). The next step is to enter into contract with NEC and agree a delivery timeframe',
    ),
    owner: 'ACC Crime',
    raised: '2022-05-09',
  },
  {
    id: 'CRR18',
    name: 'Core Skills Resilience & Training Risk',
    description:
      'There has been a drop in Police Officers trained in core skill areas, this has partly been due to COVID and self-isolation measures. This has led to a reduction in the percentage numbers and resilience of Police Officers trained in core skills such as Personal Safety Training, Driver Training, Public Order Skills and Taser. The reduced capacity has also led to a reduced offer from L&D.',
    impact: text(
      'The greatest risk is that of the Force to be unable to deploy sufficient numbers of staff to meet calls for service and demand.',
      '',
      'In addition to this is the length of time it will take to meet the backlog and bring us back in line with demand on courses and meet resilience targets.',
    ),
    controls: text(
      '- Continued investment in contingency funding to secure additional courses for Personal Safety Training, specifically targeting those officers who need to retain public order skills also. Currently eliminated the backlog of 1-day combined courses, focus now on the 2-day combined courses.  Predicted to see a reduction in outstanding numbers by July 2022.',
      '- We have greater scrutiny on course non-attendance to ensure our classrooms are filled to maximum capacity and with the greatest efficiency.',
      '- The Physical Training Team is now up to full establishment, enabling us to maximise opportunity to schedule courses as required by the wider Force. Greater scrutiny at FLC of Force attendance and support from HODs resulting in steadily improving attendance figures.',
      '- As a result of the additional scrutiny in place and ownership from other departments, attendance levels have improved and continue to show a positive trajectory. The Qlik Data availability should support this even further and it would be advantageous for this to be available asap. Meetings with Strategy and Directon have taken place to progress this.',
      '- Work to mitigate risk continues and this is scrutinised weekly (via SPOCs) and monthly (via DCC Performance Panel).',
      '- Major Force Deployments (CWG and Pelkin) will have an impact but careful planning has been put in place to minimise impact as far as possible.',
    ),
    owner: 'Head of Learning and Development',
    raised: '2021-10-18',
  },
  {
    id: 'CRR01',
    name: 'Vulnerability and Hidden Crimes',
    description:
      'There is a risk that the increased identification of vulnerability in demand, and hidden crimes (includes child exploitation, modern day slavery, human trafficking, domestic abuse, missing people) poses a challenge to the Force to manage its complexity. The risk could also impact the response levels provided impacting the delivery of an effective service to those in need.',
    impact:
      "Increases in volumes or poor identification impacts on the force's capacity to prevent and respond, creating public confidence and safety concerns, and meet our overall requirement to prevent the unnecessary criminalisation of children and improve the overall quality of investigations involving vulnerable people.",
    controls: text(
      '1. The T3 Pilot has evolved and progressed to an agreed option by FET: Force Contact Support Desk. An update report has been submitted to DCC Jardine today by C/Supt Beard (Head of Contact). One of the functions of the Support Desk is to deal with suitable DA reports over the telephone in a more efficient way, therefore creating capacity in other areas of the Force (Response and PPU).',
      '2. The work and recommendations from PWC continues to be embedded. This includes a shift pattern change for all police officers and police staff commencing in October.',
      '3. To relieve demand pressure in Adult Complex it has been agrees that 20 FTE will be moved from the Major Crime Team build in to PPU and these posts will be prioritised for recruitment. Recruitment will be commencing in the next month.',
      '4. The continuous improvement work is continuing under the E2E Programme and is currently assisting with the restructure of Adult Complex and also the Decision Making Framework. Both parts of this work are focused on reducing demand and improving efficiency.',
    ),
    owner: 'ACC Crime',
    raised: '2019-07-01',
  },
  {
    id: 'CRR02',
    name: 'Serious Violence in Under 25s',
    description:
      'There is a risk that interventions to address multiple risk factors/indicators are not impactful or effective. The increase in volume of serious youth crime and serious violence (gun and knife crime) in the under 25s could lead to the cumulative risk around community safety. There could be a perceived failure that the Force is not responding adequately to prevent and respond to crime involving young people.',
    impact: text(
      "- Increases in volumes impacts on the force's capacity to prevent and respond to increased demand.",
      '- Increases in serious youth violence reporting in the media could undermine community confidence in policing and contribute to safety concerns.',
      '- Demand pressures could have an impact on crime prevention initiatives. Force response becomes more reactive than preventative.',
    ),
    controls: text(
      'Grip funding grant been agreed with Home Office. Circa - £3m p/a for 3 years. Match funding requirement. A number of posts are now being activly recruited into',
      '',
      'Analytical Systems and Activity',
      '- Following geofencing / crime mapping capability now confirmed (and resolution of some Connect data issues) the Data Lab are refreshing our hotspots overlayed with OCG activity and predictive knife crime data. Using grip funds we are enhancing our analytical capacity to include',
      '  - Higher Analyst drawing Serious Youth Violence (SYV) themes and opportunities from across violence portfolios - pending recruitment',
      '  - Enhanced regional analytical support to include tracking our Targeted Guardian Patrols - Pending Recruitment',
      '  - Dashboard development - ongoing',
      '  - Data scientist time to support Randomised patrol methodology - Pending recruitment',
      '  - Specialist knife crime analyst to support a CAPTIVA Knife crime meeting – tracking knife assaults, intelligence and interventions led by D.Supt',
      '',
      'Operational Hotspot Activity - Pending recruitment',
      '- Paper submitted to expand taskforce through 2023 uplift',
      '- App in development with Thames Valley to deliver Randomised Patrol Methodology has been found not compatible with WMP - so WMP IT have commenced development of a new system',
      '- NPU refresh of Serious Youth Violence Plans – to launch internal comms programme including Target Guardian Patrols to frontline staff and Rimush community engagement principles – to commence 1/9/22 post CWG',
      '',
      'Problem-Orientated Policing',
      '- Investment in investigations resources (PSI,PSIOS to enhance OOCD and outcomes)',
      '- NPU SYV Reduction Plans to include Public Health and Multi Agency SARA approach underpinned by CSP Violence Board structures.',
      '- Round Midnight Virtual Reality Schools program wider roll out being scoped with County Lines lead',
    ),
    owner: 'ACC Local Policing',
    raised: '2019-07-01',
  },
  {
    id: 'CRR05',
    name: 'Demand Management',
    description:
      'There is a risk that the Force fails to respond to and manage the effective and efficient policing requirements of the region as a result of the increased volume and complexity in demand. The nature of the rise requires an increasing level of sophistication to understand how it moved through the system and may be compounded by resourcing constraints.',
    impact:
      "Impacts on our ability to create and execute effective plans to ensure effective and efficient delivery of policing. Example: Demand and the management of risk within the P2 grade, which has a service level at 60 minutes. Currently a minority of case are being carried over beyond 24 hours. This is a concern in relation to risk management, service delivery, victim support and impacts on stress to WMP staff seeking to manage this risk when unresourced. Return to 'new normal' at the tail-end of the pandemic creates additional complexity/uncertainty.",
    controls: text(
      'WMP have invested in the support from Accenture, who are currently working with Force Contact to provide answers to the following;',
      '',
      'A report is due around 9 September with findings and recommendations. From this report, Force Contact will then work with Business Change experts and other key stakeholders to identify which of the recommendations should be adopted, what activity needs to be undertaken to deliver upon those recommendations, who will own the responsibility to deliver, who will support and when delivery would be expected. This will all happen through a series of meetings with Business Transformation in September, ahead of a presentation to the Force Exec on 23 September, wherein a plan will be put forward for consideration / approval.',
      '',
      'Incoming demand has remained at higher than anticipated levels, with 999 call demand breaching 80k calls per month for the last four consecutive months',
      '',
      'The ‘Support Desk’ went live in June 2022 which aims to remove demand from Contact Handling linked to domestic abuse, missing and mental health. The desk was not fully established from the outset and as of 2 September, Force Contact continue to work with POD and other key stakeholders to bring the ‘strength’ levels up to the agreed establishment, wherein the desk can then aim to take on all of the agreed work',
    ),
    owner: 'ACC Operations',
    raised: '2019-07-01',
  },
  {
    id: 'CRR17',
    name: 'Organisational Learning',
    description: text(
      'Organisational learning is obtained across the force via its various learning hotspots (i.e., IA / HMIC recommendations, debriefs, inquiries (Manchester Arena bombings), IOPC reports etc). There is no current organisational learning structure across the force to ensure once learning is identified, it is evaluated and shared across the Force to positively impact policy practise and outcomes.',
      '',
      'There is a risk that WMP lacks the oversight required to analyse strategic, cross cutting and/ or operational organisational learning to ensure risks and opportunities are managed and evaluated in showing learning and ideas have a route to action including integration into operational practice.',
    ),
    impact: text(
      '- Lack of coordinated dissemination of knowledge and learning across the Force.',
      '- No consistent approach to capturing and sharing OL, no ability to draw out themes',
      '- No clear governance or accountability for structured debriefs',
      '- Failing to embed the learning across the Force could lead to reputational damage should major incident occur across the region and learning available.',
      '- Increased scrutiny from external regulators – such as HMIC',
    ),
    controls: text(
      '- The capability review bringing together the Strategy and Direction and Business Transformation departments will develop a new assurance framework which will incorporate a new organisational learning process.',
      '- This work will be allocated to the new Performance and Assurance Team and work is currently underway to develop process maps for organisational learning.',
      '- Recommendations, efficiencies and benefits raised as a resulted of the learning will be tracked and documented in learning logs. These will be managed by a dedicated OL resource in the new team. The results of the learning will be reported to the newly formed DCC Portfolio Risk and Learning Board for additional scrutiny.',
      '- A system will be created to capture and share learning and move towards ensuring future events can be managed more effectively using the good practice from the learning activities.',
      '',
      'New Organisational Learning Manager to commence post in September 2022  and new Organisational Learning Support officer has been appointed internally.',
      '',
      'Business Analyst has just commenced work on organisational learning work package, (copy is available) that will provide an as is and to be position as well as design an organisational learning framework.',
    ),
    owner: 'Director of Strategy and Direction',
    raised: '2021-06-07',
  },
  {
    id: 'CRR21',
    name: 'Cannabis Disposal Storage Capacity',
    description:
      'Due to a substantial increase in cannabis growth in the region, there has been an increase in the quantity of cannabis seized by Officers. The rapid increase could lead to a inability to manage the disposal capacity effectively.',
    impact: text(
      'This has led to insufficient cannabis storage capacity to manage the increased quantity seized.',
      'Increase in the health and safety risk to staff with excessive quantities being held on site.',
    ),
    controls: text(
      '- Extensive work has been completed between Shared Services, Corporate Asset Management and Operations Cannabis Disposal Team (CDT) to implement a clearer communication structure, prioritised, planned and regular collection cycle and an upgrade in disposal capacity at Smethwick.',
      '- There has been a marked and sustained improvement in collections from local NPU-based stores and essentially ensures that cannabis is collected and moved to the central disposal store within twenty four hours of a NPU store nearing capacity. It has also reduced the risk of theft of seized cannabis and reduced complaints/health and safety incident reports.',
      '- Conducted a thorough review of DP processes, individual bags of cannabis handled by CDT can now be recorded and tracked on the DP system and confirmed as disposed of, removing any risk of cannabis going missing or unaccounted for in the collection process.',
      '- Following the Gold group meeting on 18/08/22, it was agreed by all stakeholders to reduce residual risk scores to ‘Green’ status.',
      '',
      'It has been recommended to remove this risk from the CRR and monitor at portfolio level.',
    ),
    owner: 'Director of Commercial Services',
    raised: '2022-02-14',
  },
  {
    id: 'CRR19',
    name: 'WMP Website – Server Capacity',
    description:
      'Due to server capacity issues of the WMP website the site can be prone to crashing. There is a risk should the live chat function be unavailable during a major incident.',
    impact:
      'The total number of people accessing the site if redirected would cause the website to crash. This would lead to members of the public being unable to report crimes and any other issues via the live chat function.',
    controls: text(
      'The K6 Professional (performance and load testing) software is now successfully procured as of 20/07.',
      '',
      'Initial load testing of the public facing website has commenced (25/07) and shows that we are not currently able to service the 3000 concurrent users that we have benchmarked.',
      '',
      'Analysis is now underway to identify where the bottleneck lies in the architecture. Once identified, changes will be made to the architecture (likely at cost in terms of additional cloud hosting compute costs) before the tests are re-run.',
      '',
      'Now that the K6 software is available to us we are actively progressing and resourcing this with the aim of removing any user volume limitations prior to Commonwealth Games. Factors outside our control, such as Cloud Hosting change lead times, may mean this is not achievable ahead of Commonwealth Games.',
    ),
    owner: 'Director of IT&D',
    raised: '2021-08-23',
  },
  {
    id: 'CRR12',
    name: 'Mutual Aid & Resourcing',
    description:
      'There is a risk that significant resources abstractions (police officers and staff) will be required from operational business and duties during the operational period of the Commonwealth Games. There is a risk that a local, regional or national critical incident could see Mutual Aid and / or WMP officers and / or vehicles abstracted to resource the incident response.',
    impact:
      "The impact of this risk may be that WMP will have gaps in the Games staffing model, potentially causing a security / public safety risk. Should vehicles be unavailable, then officers' ability to perform their roles may be impacted and / or alternative transport may need to be found at short notice and with additional cost.",
    controls: text(
      'Risk can close:',
      '1. Mutual Aid agreed to not be deployed to any WMP BaU operation/incidents.',
      '2. Changes to CWG resourcing models agreed with BaU Gold Command in the lead up to the Opening Ceremony/Closing Ceremony.',
      '3. Commonwealth Games has taken place; the operation and BaU managed successfully – Military deployment worked well and CVAF enacted 01/08 to mitigate PCS shortfall.',
      '4. Formal de-brief sessions planned for September – October to identify key learning.',
    ),
    owner: 'ACC Operations',
    raised: '2020-09-14',
  },
  {
    id: 'CRR07',
    name: 'Workforce Representation',
    description:
      'Failure to attract, recruit and retain a diverse and representative workforce across the Force and support their progression within the organisation to deliver our services to our diverse communities.',
    impact: text(
      '- A less representative Force may affect the level of trust and confidence in some communities.',
      "- The impact may be that the legitimacy and trust in WMP is diminished. The impact of not meeting both the PCC's and WMP’s target of recruiting more female and BAME officers and staff may lead to reputational damage.",
    ),
    controls: text(
      '- WMP have also been involved in pilot programmes with the College of Policing looking at tailored and targeted actions to address retention of underrepresented groups within the Force.',
      '- Discussions underway with the Staff Network Chairs around supporting the work to mitigate this. Utilisation of Staff Associations and force leaders to ally and endorse representation plans',
      '- Pro-active comms to workforce around the Force’s representation ambition via intranet and internet.',
      '- Risk to be considered as part of updated D&I Strategy.',
      '- Uplift Gold strategy continues to operate to ensure a robust delivery plan.',
      '- National Race & Inclusion plan launched in Q1 22/23.',
      'National Police Race Action plan was launched on 24th May and we are working with our BAPA group to finalise population of our draft local plan (as linked to priorities of the Fairness & Belonging Strategy)',
      '',
      'Better oversight of leadership programmes –',
      '- Review of WMP Talent Board',
      '- Aligning talent governance with Fairness & Belonging strategy & leadership framework',
      '- Talent Data Insight Report in progress -Track URGs uptake of talent programmes and outcomes',
      'The CoP Inspire Talent Programme is now complete. It ran in April with the CoP delivering 2 workshops with a total number of 46 people included from WMP.',
      'A review and alignment with workforce strategy of 6 business area priorities for talent with a particular focus on URG.',
    ),
    owner: 'Director of People and Organisational Development',
    raised: '2019-07-01',
  },
  {
    id: 'CRR10',
    name: 'Financial Management',
    description: text(
      'i. There is a risk that WMP’s finances are not sustainable over the medium term and/or efficiency savings required may adversely impact the operational services. Whilst the police grant has increased for 22/23 to fund increase in officer numbers, there are still unfunded inflationary pressures.',
      '',
      'ii - There is also a risk that as mandated/national initiatives develop (e.g. ESMCP, National Enabling Programme), the actual costs for delivery far exceed the estimated costs within the affordability envelope.',
    ),
    impact: text(
      'i - Impact on overall funding position. Medium term financial plan (MTFP) sets out strict budgeting envelope that must be met.',
      '',
      'ii - The inability to finance all component projects, or needing to de-prioritise other projects within the portfolio if the national changes are mandated.',
    ),
    controls: text(
      'Our work has not identified any significant weaknesses in arrangements to secrure financial sustainability at the PCC or WMP. Further details can be seen on the external auitors annual report',
      '',
      'Our work on governance has not identified any significant weaknesses in arrangements or improvement recommendations in relation to governance. Further details can be seen on page 9-10 of the external auitors annual report',
      '',
      'Our work on governance has not identified any significant weaknesses in arrangements or improvement recommednations in relation to delivering economy efficiency and effectiveness. Further details can be seen on page 11-12 of the external auitors annual report',
      '',
      'We have now completed phase two of the PBB exercise and identified £5.3 million of savings with no loss of services. The next phase will start in the Autumn.',
      '',
      'Risk has increased to critical - we have increased both the impact and probability to 5 (evaluation) in the short term as we are currently showing a very significant gap for both this and next financial year at present linked to pay awards and inflationary pressures.',
      'Director of Commercial Services has briefed Force Exec team on current planning assumptions for medium term and funding gap currently identified.  Initial conversations have been held around options for closing the gap.  Further working is ongoing and it will be a regular agenda item within FET whilst plans are worked through and finalised.',
    ),
    owner: 'Director of Commercial Services',
    raised: '2019-07-01',
  },
  {
    id: 'CRR11',
    name: 'Safeguarding - Local Policing',
    description: text(
      'There is a risk that the Force fails follow safeguarding processes to protect the needs of the most vulnerable members of our community.',
      '',
      'There is also a risk that the Force fails to fully understand the safeguarding needs and experiences of citizens - young and old due to increased demand pressures and the challenging range of commissioned and partner-driven arrangements operating across the region.',
    ),
    impact: text(
      "- Poor identification impacts on the force's capacity to prevent and respond, creating public confidence and safety concerns.",
      '- Risk to vulnerable members of the community.',
      '- Potential reputational damage if risk not adequately mitigated.',
    ),
    controls: text(
      '- Following on going work and review of safeguarding processes in their entirety we are reassured that officers are making referrals appropriately on the internet portal as a result of the CONNECT being closed.  An interim solution is being sought by CONNECT team which should be up and running in April 2022.  The longer-term fix requires system recoding and a significant technical upgrade which is planned for April 2023.',
      '- A dip sample of the legacy referrals on the portal found that so far is that the risk appears low/medium but further sampling required to be able to make the most informed decisions on how to manage this going forward.',
      '- A new form with enhanced functionality within Connect will provide greater capability and be more effective in understanding and meeting safeguarding of vulnerable people.',
      '- For Adults, the innovative delivery strategy looks to (6 strands in line with the key principles of the Care Act 2014) address the gaps and challenges of demand pressures across the Force and ensure more consistency in the range of commissioned services and partnership arrangements.',
    ),
    owner: 'ACC Local Policing',
    raised: '2020-02-10',
  },
  {
    id: 'CRR22',
    name: 'Non-Compliance with CPIA biometric data retention',
    description: text(
      "A previous Biometric Commissioner's Office audit in 2019 highlighted the need for WMP to ensure a cohesive and robust audit process for CPIA samples. These recommendations have not been fully implemented and it is likely the Force will be subject to an audit later this year as part of the national cyclical audit plan.",
      "There is a risk that WMP may not be fully compliant with the CPIA. There is a risk that a new audit by the Biometric Commissioner's Office could highlight weaknesses in WMP’s management of the relevant data.",
    ),
    impact: text(
      '- Significant weaknesses highlighted in an audit by the Biometric Commissioners Office.',
      '- Trust and confidence of our stakeholders in relation to our processes around biometric information.',
      '- Non- compliance with the CIPA and the potential notification to the Home Office.',
    ),
    controls: text(
      '- A working group has been set up and the terms of reference is being finalised. The group aims to bring together key stakeholders to develop a procedure to ensure a compliant and ethical biometric data storage process.',
      '- Working group will work to implement Biometric Commissioner’s recommendations made as a result of findings from a recent national report.',
      '',
      'Following discussions at the June Crime Governance Board (CGB) last quarter, it was highlighted that due to the mitigating actions now in place, this risk can now be managed at Portfolio level. Risk will be put for closure during Quarter 3',
    ),
    owner: 'Head of Forensic Services',
    raised: '2022-03-07',
  },
  {
    id: 'CRR16',
    name: 'Police Cadet Leaders - Safeguarding',
    description:
      'There is a risk that WMP Police Cadets policies, procedures and process fail to comply with the National Safety and Safeguarding guidelines (UKYSSF). The guidelines are set out by the National VPC who advises that WMP aligns its practice to the UK Youth Safer Spaces Framework (UKSSF) backed by the NPCC Enforcement.',
    impact: text(
      '- Increased spotlight on other Forces could increase media focus on all Police Force’s across the country including WMP.',
      '- If WMP does not ensure compliance with the safeguarding practices around recruitment of Police Cadet Leaders, this could increase the likelihood of having a negative impact on public confidence and legitimacy in safeguarding Police Cadets.',
    ),
    controls: text(
      '- Working with national VPC to establish the safer spaces framework.',
      '- Compliance has increased to 95% completing mandatory safeguarding training.',
      '- Safer Recruitment process remains at 100% compliant',
      '',
      'Risk will be taken to Cadet Governance Board (22nd September) and CiP Thematic Board (17th October) to seek approval to close from CRR and manage at Portfolio Level.',
    ),
    owner: 'Head of Citizens in Policing',
    raised: '2021-06-21',
  },
  {
    // From "Force Closed Risks September 2022". ID, name and description are reconstructed;
    // impact, key controls, rationale and both dates are transcribed.
    id: 'CRR14',
    name: 'CONNECT Legacy Data (Back Record Conversion)',
    description:
      'There is a risk that not all relevant information held on legacy systems has been brought over into CONNECT by the Back Record Conversion (BRC).',
    impact: text(
      '- The impact of this risk may be that data in the back records is missing from the transfer to CONNECT. This could lead to certain data fields in things like DBS historic checks being excluded – e.g. crime reference numbers.',
      '- The impact of this risk could lead to potential reputational damage if information provided in DBS certificates do not adequately reflect all current and historic data.',
      '- CONNECT Legacy/ BRC Data- Significant issues with this content- not all relevant information has been brought over into CONNECT, plus there are gaps in some outcomes/ markers that did not exist on legacy systems- for example, over 140K post 2018 DA records are no longer identified correctly, and there is currently no solution for accessing audit data.',
    ),
    controls: text(
      '- CONNECT implementation & assurance board involving a wide range of internal stakeholders (mostly departmental heads) overseeing implementation of system.',
      '- CONNECT team continuing to work through system architecture and integration issues with Northgate as part of usual programme management business.',
      '- DBS staff and others involved in investigation and disclosure are aware and are currently checking legacy systems to ensure all relevant information is considered.',
      '- Issue is under investigation by the Project/ IT&D/ Northgate as a whole and will need to be raised with CONNECT Gold/ Silver & SIMB- until this is resolved WMP cannot delete legacy data.',
      '- Second BRC load has completed and is due to be signed off imminently. Some manual migration is still underway to complete the migration of a small number of records. Risk of missing P1 data is now substantially reduced, risk of missing P2 and P3 data is being monitored and a fix/ migration is in progress.',
    ),
    owner: 'Director of Commercial Services',
    raised: '2021-04-19',
    closed: {
      date: '2022-08-15',
      rationale: text(
        'Second BRC load has completed and is due to be signed off imminently. Some manual migration is still underway to complete the migration of a small number of records. Risk of missing P1 data is now substantially reduced, risk of missing P2 and P3 data is being monitored and a fix/ migration is in progress.',
        '',
        'Manual work is complete - this risk can be closed. Closure approved by Director of Commercial Services Peter Gillett',
      ),
      reported: '2022-09-29',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Assessments (reconstructed). Quarters Q1 2021/22 .. Q2 2022/23; `null` = not yet assessed
// (N/A in the register). Each pair is [impact, probability]; the comment shows scores and the
// published arrows for Q3 21/22, Q4 21/22, Q1 22/23, Q2 22/23.
// ---------------------------------------------------------------------------------------------

export const QUARTERS = [
  'Q1 2021/22',
  'Q2 2021/22',
  'Q3 2021/22',
  'Q4 2021/22',
  'Q1 2022/23',
  'Q2 2022/23',
] as const;

type Pair = readonly [impact: number, probability: number] | null;

interface History {
  id: string;
  pairs: readonly [Pair, Pair, Pair, Pair, Pair, Pair];
  /** Commentary by quarter label; the Q2 2022/23 one is drawn from the published update. */
  commentary: Partial<Record<(typeof QUARTERS)[number], string>>;
}

const HISTORIES: History[] = [
  {
    // first assessed Q3 21/22: 20 20 20 20 → New ↔ ↔ ↔, Critical
    id: 'CRR20',
    pairs: [null, null, [5, 4], [5, 4], [5, 4], [5, 4]],
    commentary: {
      'Q3 2021/22':
        'New risk added to the register following the expanded Parole Board information requirements.',
      'Q2 2022/23':
        'Information Management process designed and being followed; OPCC audit of the process and disclosures imminent. Parole Board/NPCC MOU being finalised; IT solution under consideration.',
    },
  },
  {
    // 16 16 | 16 12 12 12 → ↔ ↓ ↔ ↔, High
    id: 'CRR03',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 3],
      [4, 3],
      [4, 3],
    ],
    commentary: {
      'Q4 2021/22': 'Probability reduced as JESIP command training delivery by the ORU increased.',
      'Q2 2022/23':
        '2,791 staff and officers trained in the Op PLATO classroom input; an additional 259 JESIP commanders trained since 01/09/2021. Delivery by two ORU roles is not sustainable: funding and roles required for additional trainers.',
    },
  },
  {
    // 12 12 | 12 16 16 16 → ↔ ↑ ↔ ↔, High
    id: 'CRR08',
    pairs: [
      [4, 3],
      [4, 3],
      [4, 3],
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    commentary: {
      'Q4 2021/22': 'Probability increased: court backlog and the new disclosure guidance adding demand.',
      'Q2 2022/23':
        "Magistrates court listings back to pre-COVID levels; crown court delay approx. 2 years. Witness care unit achieved the national accreditation mark in June '22. Section 28 changes managed through CGB.",
    },
  },
  {
    // 12 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR15',
    pairs: [
      [4, 3],
      [4, 3],
      [4, 3],
      [4, 3],
      [4, 3],
      [4, 3],
    ],
    commentary: {
      'Q2 2022/23':
        'ARIS funding formula will not be changed; Ministers approved Option 2 for Special Branch reform and all funding and the MOU approved. Recommended that risk is closed off.',
    },
  },
  {
    // 20 20 | 16 12 12 12 → ↓ ↓ ↔ ↔, High
    id: 'CRR09',
    pairs: [
      [5, 4],
      [5, 4],
      [4, 4],
      [4, 3],
      [4, 3],
      [4, 3],
    ],
    commentary: {
      'Q3 2021/22': 'Impact reduced as the uplift recruitment pipeline recovered.',
      'Q4 2021/22': 'Probability reduced: recruitment on track against the uplift target.',
      'Q2 2022/23':
        'Recruitment forecast to exceed the 22/23 national uplift target by c39 officers; intakes paused for the CWG and scheduled to recommence 15 August.',
    },
  },
  {
    // 15 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR13',
    pairs: [
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 3],
      [5, 3],
    ],
    commentary: {
      'Q2 2022/23':
        'Enhanced monitoring by the National Monitoring Centre (PDS) provided for the CWG period. Remains a continual risk: no specific actions will fully mitigate it.',
    },
  },
  {
    // 12 12 | 9 9 9 6 → ↓ ↔ ↔ ↓, Medium
    id: 'CRR06',
    pairs: [
      [4, 3],
      [4, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 2],
    ],
    commentary: {
      'Q3 2021/22': 'Impact reduced with the enhanced TRiM approach and wellbeing support in place.',
      'Q2 2022/23':
        'Probability reduced: ESTIP pilot, signposting to support services and the free flu jab scheme running again in 22/23; COVID workplace measures retained where appropriate.',
    },
  },
  {
    // first assessed Q1 22/23: 16 16 → N/A N/A New ↔, High
    id: 'CRR23',
    pairs: [null, null, null, null, [4, 4], [4, 4]],
    commentary: {
      'Q1 2022/23':
        'New risk following the Joint Targeted Area Inspection concern about duplicate and incomplete Connect records.',
      'Q2 2022/23':
        "Over 15,000 manual merges completed in six months, but BRC2 introduced ~100,000 additional duplicate Person records; the CONNECT Linking Tool has moved to June '23 at the earliest.",
    },
  },
  {
    // first assessed Q3 21/22: 16 16 12 12 → New ↔ ↓ ↔, High
    id: 'CRR18',
    pairs: [null, null, [4, 4], [4, 4], [4, 3], [4, 3]],
    commentary: {
      'Q3 2021/22': 'New risk: drop in officers trained in core skills due to COVID and self-isolation.',
      'Q1 2022/23':
        'Probability reduced: backlog of 1-day combined courses eliminated and attendance improving.',
      'Q2 2022/23':
        'Focus now on 2-day combined courses; attendance continues to improve under weekly and monthly scrutiny. CWG and Pelkin deployments planned to minimise impact.',
    },
  },
  {
    // 16 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR01',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    commentary: {
      'Q2 2022/23':
        'Force Contact Support Desk agreed by FET; 20 FTE to move from the Major Crime Team build into PPU; shift pattern change commencing in October.',
    },
  },
  {
    // 16 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR02',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    commentary: {
      'Q2 2022/23':
        'Grip funding of circa £3m p/a for 3 years agreed with the Home Office and posts being recruited; NPU Serious Youth Violence plans refreshed, to commence 1/9/22 post CWG.',
    },
  },
  {
    // 16 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR05',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    commentary: {
      'Q2 2022/23':
        '999 call demand above 80k calls per month for four consecutive months; Accenture report due around 9 September; Support Desk live since June 2022 but not yet at full strength.',
    },
  },
  {
    // 12 throughout → ↔ ↔ ↔ ↔, High
    id: 'CRR17',
    pairs: [
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 4],
    ],
    commentary: {
      'Q2 2022/23':
        'New Organisational Learning Manager starts in September 2022 and a Support Officer appointed internally; Business Analyst designing an organisational learning framework.',
    },
  },
  {
    // first assessed Q4 21/22: 16 16 12 → N/A New ↔ ↓, High (still High after the fall)
    id: 'CRR21',
    pairs: [null, null, null, [4, 4], [4, 4], [4, 3]],
    commentary: {
      'Q4 2021/22': 'New risk: insufficient storage capacity for the increased quantity of seized cannabis.',
      'Q2 2022/23':
        'Probability reduced: sustained improvement in collections; Gold group (18/08/22) agreed to reduce residual risk scores. Recommended to remove from the CRR and monitor at portfolio level.',
    },
  },
  {
    // first assessed Q2 21/22: 16 | 16 16 12 12 → ↔ ↔ ↓ ↔, High
    id: 'CRR19',
    pairs: [null, [4, 4], [4, 4], [4, 4], [4, 3], [4, 3]],
    commentary: {
      'Q2 2021/22': 'New risk: website server capacity and live chat availability during a major incident.',
      'Q1 2022/23': 'Probability reduced: K6 load testing software being procured.',
      'Q2 2022/23':
        'K6 load testing software procured (20/07); initial tests show the site cannot yet serve the 3000 concurrent users benchmarked; bottleneck analysis underway.',
    },
  },
  {
    // 9 throughout → ↔ ↔ ↔ ↔, Medium
    id: 'CRR12',
    pairs: [
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ],
    commentary: {
      'Q2 2022/23':
        'Commonwealth Games has taken place and BaU was managed successfully; risk can close. Formal de-brief sessions planned for September - October.',
    },
  },
  {
    // 12 12 | 12 9 9 9 → ↔ ↓ ↔ ↔, Medium
    id: 'CRR07',
    pairs: [
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 3],
      [3, 3],
      [3, 3],
    ],
    commentary: {
      'Q4 2021/22': 'Probability reduced with the Uplift Gold strategy and staff network engagement.',
      'Q2 2022/23':
        'National Police Race Action Plan launched 24 May; local plan being finalised with BAPA. CoP Inspire Talent Programme complete.',
    },
  },
  {
    // 16 16 | 16 16 16 25 → ↔ ↔ ↔ ↑, Critical
    id: 'CRR10',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
      [5, 5],
    ],
    commentary: {
      'Q2 2022/23':
        'Risk has increased to critical - impact and probability increased to 5 in the short term: very significant funding gap for this and next financial year linked to pay awards and inflationary pressures.',
    },
  },
  {
    // 9 throughout → ↔ ↔ ↔ ↔ (published row shows only three arrows; read as four), Medium
    id: 'CRR11',
    pairs: [
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ],
    commentary: {
      'Q2 2022/23':
        'Referrals being made appropriately via the internet portal; longer-term CONNECT fix planned for April 2023; further dip sampling of legacy referrals required.',
    },
  },
  {
    // first assessed Q4 21/22: 9 9 9 → N/A New ↔ ↔, Medium
    id: 'CRR22',
    pairs: [null, null, null, [3, 3], [3, 3], [3, 3]],
    commentary: {
      'Q4 2021/22':
        "New risk: 2019 Biometric Commissioner's Office recommendations not fully implemented ahead of a likely audit.",
      'Q2 2022/23':
        'Following the June Crime Governance Board, mitigating actions in place mean the risk can be managed at Portfolio level; to be put for closure during Quarter 3.',
    },
  },
  {
    // 16 16 | 12 9 9 9 → ↓ ↓ ↔ ↔, Medium
    id: 'CRR16',
    pairs: [
      [4, 4],
      [4, 4],
      [4, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ],
    commentary: {
      'Q3 2021/22': 'Probability reduced as safer recruitment checks completed.',
      'Q4 2021/22': 'Impact reduced: mandatory safeguarding training compliance rising.',
      'Q2 2022/23':
        '95% compliance with mandatory safeguarding training; Safer Recruitment 100% compliant. To seek approval to close from the CRR at Cadet Governance Board (22 September) and CiP Thematic Board (17 October).',
    },
  },
  {
    // Closed 15/08/2022 (in Q2 22/23): last assessed Q1 22/23. 12 12 12 9 6.
    id: 'CRR14',
    pairs: [[3, 4], [3, 4], [3, 4], [3, 3], [3, 2], null],
    commentary: {
      'Q4 2021/22': 'Probability reduced: second BRC load in progress.',
      'Q1 2022/23':
        'Second BRC load has completed and is due to be signed off; risk of missing P1 data substantially reduced, P2 and P3 data being monitored.',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The grids.
// ---------------------------------------------------------------------------------------------

function riskRow(risk: RiskRecord): CellValue[] {
  return [
    risk.id,
    risk.name,
    risk.description,
    risk.impact,
    risk.controls,
    risk.owner,
    risk.closed ? 'Closed' : PROPOSALS[risk.id] ? 'Proposed for closure' : 'Open',
    date(risk.raised),
    risk.closed ? date(risk.closed.date) : null,
    (risk.closed ? risk.closed.rationale : PROPOSALS[risk.id]) ?? null,
    risk.closed ? date(risk.closed.reported) : null,
    ...outlookCells(OUTLOOKS[risk.id]),
    NEXT_REVIEWS[risk.id] ? date(NEXT_REVIEWS[risk.id]!) : null,
    'Quarterly',
  ];
}

function outlookCells(outlook: Outlook | undefined): CellValue[] {
  if (!outlook) return OUTLOOK_HEADERS.map(() => null);
  return [...outlook.inherent, ...outlook.target, date(outlook.targetDate), outlook.appetite];
}

/** Assessment rows quarter by quarter, as analysts append them; Score and Rating left for formulas. */
function assessmentRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  QUARTERS.forEach((quarter, q) => {
    for (const history of HISTORIES) {
      const pair = history.pairs[q];
      if (!pair) continue;
      rows.push([history.id, quarter, pair[0], pair[1], null, null, history.commentary[quarter] ?? null]);
    }
  });
  return rows;
}

export const FORCE_REGISTER_EXAMPLE: {
  risks: CellValue[][];
  assessments: CellValue[][];
  actions: CellValue[][];
} = {
  risks: [[...RISK_HEADERS, ...OUTLOOK_HEADERS, ...REVIEW_HEADERS], ...RISKS.map(riskRow)],
  assessments: [[...ASSESSMENT_HEADERS], ...assessmentRows()],
  actions: [
    [...ACTION_HEADERS],
    ...ACTIONS.map(([id, action, owner, due, status, completed]) => [
      id,
      action,
      owner,
      date(due),
      status,
      completed === null ? null : date(completed),
    ]),
  ],
};

// ---------------------------------------------------------------------------------------------
// The oracle: the published arrows and ratings, transcribed directly, in the published order.
// ---------------------------------------------------------------------------------------------

export interface ExpectedRegisterRow {
  id: string;
  /** Q3 2021/22, Q4 2021/22, Q1 2022/23, Q2 2022/23. */
  trend: [string, string, string, string];
  rating: string;
}

export const FORCE_REGISTER_EXPECTED: {
  quarter: 'Q2 2022/23';
  quarters: readonly string[];
  rows: ExpectedRegisterRow[];
} = {
  quarter: 'Q2 2022/23',
  quarters: ['Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23'],
  rows: [
    { id: 'CRR20', trend: ['New', '↔', '↔', '↔'], rating: 'Critical' },
    { id: 'CRR03', trend: ['↔', '↓', '↔', '↔'], rating: 'High' },
    { id: 'CRR08', trend: ['↔', '↑', '↔', '↔'], rating: 'High' },
    { id: 'CRR15', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR09', trend: ['↓', '↓', '↔', '↔'], rating: 'High' },
    { id: 'CRR13', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR06', trend: ['↓', '↔', '↔', '↓'], rating: 'Medium' },
    { id: 'CRR23', trend: ['N/A', 'N/A', 'New', '↔'], rating: 'High' },
    { id: 'CRR18', trend: ['New', '↔', '↓', '↔'], rating: 'High' },
    { id: 'CRR01', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR02', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR05', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR17', trend: ['↔', '↔', '↔', '↔'], rating: 'High' },
    { id: 'CRR21', trend: ['N/A', 'New', '↔', '↓'], rating: 'High' },
    { id: 'CRR19', trend: ['↔', '↔', '↓', '↔'], rating: 'High' },
    { id: 'CRR12', trend: ['↔', '↔', '↔', '↔'], rating: 'Medium' },
    { id: 'CRR07', trend: ['↔', '↓', '↔', '↔'], rating: 'Medium' },
    { id: 'CRR10', trend: ['↔', '↔', '↔', '↑'], rating: 'Critical' },
    // Published as `↔ ↔ ↔` (one arrow lost in the export); read as four.
    { id: 'CRR11', trend: ['↔', '↔', '↔', '↔'], rating: 'Medium' },
    { id: 'CRR22', trend: ['N/A', 'New', '↔', '↔'], rating: 'Medium' },
    { id: 'CRR16', trend: ['↓', '↓', '↔', '↔'], rating: 'Medium' },
  ],
};
