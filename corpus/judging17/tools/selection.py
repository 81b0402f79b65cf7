"""Page selection for judging17: (source key, commit, path, kind). Kinds are a rough read."""
M = "/work/.mirror"
SOURCES = {
    "DataSF__datasf.github.io": dict(repo="DataSF/datasf.github.io", mirror=f"{M}/DataSF+datasf.github.io/repo",
        license='MIT (LICENSE file, "Copyright (c) 2014 DataSF")'),
    "zalando__zalando.github.io": dict(repo="zalando/zalando.github.io", mirror=f"{M}/zalando+zalando.github.io/repo",
        license='MIT (LICENSE file, "Copyright (c) 2018 Zalando SE")'),
    "nih-cfde__training-and-engagement": dict(repo="nih-cfde/training-and-engagement", mirror=f"{M}/nih-cfde+training-and-engagement/repo",
        license="CC0-1.0 (LICENSE.md)"),
    "nih-cfde__organization": dict(repo="nih-cfde/organization", mirror=f"{M}/nih-cfde+organization/repo",
        license="CC0-1.0 (LICENSE.md)"),
    "nih-cfde__public-website-content": dict(repo="nih-cfde/public-website-content", mirror=f"{M}/nih-cfde+public-website-content/repo",
        license="CC0-1.0 (LICENSE.md)"),
    "nih-cfde__published-documentation": dict(repo="nih-cfde/published-documentation", mirror=f"{M}/nih-cfde+published-documentation/repo",
        license="CC0-1.0 (docs/about/LICENSE.md)"),
    "envris__digital-trade-handbook": dict(repo="envris/digital-trade-handbook", mirror=f"{M}/envris+digital-trade-handbook/repo",
        license='CC-BY-4.0 (statement in README.md: "All content is made available for reuse under the CC BY 4.0 license"; no LICENSE file)'),
}
DS_HEAD = "b351514b434a24acadf64e2818b3a8898ad1d7d6"
DS_RT = "a6882796a534150f5850d15473ed849f53fd1797"   # last commit where _resource_topics still had content (2023-08-10)
Z = "cbfcf7421d1f13d871c1eb963d11a520f42ed26c^"       # parent of the commit that removed _posts (Dec 2022)
CT = "260a1b95bdef04d044e58a7b3b7d73a2247aca8f"
CO = "674f226acaf8930f05b22c8e4da4a222e29f7975"
CP = "e3905e0bfc09110d0fe1b8a3d10daeee45a3dc72"
CW = "982fd0832c4e9fc4d74c2ac06a447dd543ea79bc"
EV = "948f5855cea70960615f0b8359886edc97240e1c"

B = "blog/_posts/"
datasf_blog = {
 # strategy / plans / goals
 "2014-07-18-open-data-grows-up.md": "strategy",
 "2015-07-31-announcing-our-year-2-plan.md": "plan",
 "2016-08-16-year-3-is-in-session.md": "plan",
 "2017-07-31-year-4-data--work.md": "plan",
 "2014-06-20-hello-world.md": "other",
 "2019-01-31-reinforcing-datas-value-a-policy-approach.md": "other",
 "2020-01-11-analytical-transformation.md": "other",
 "2018-11-26-building-integrated-people-systems.md": "playbook",
 "2015-06-17-5-ways-to-scale-mountain-of-data.md": "playbook",
 "2015-07-07-how-to-unstick-data-publishing.md": "playbook",
 "2015-12-16-how-to-measure-open-data.md": "playbook",
 "2016-10-06-4-steps-to-manage-privacy-and-de-identification-for-your-open-data-program.md": "playbook",
 "2017-06-05-how-to-ensure-quality-data.md": "playbook",
 "2017-06-12-4-steps-to-manage-security-risks-with-open-data.md": "playbook",
 "2018-02-26-part-1-datasfs-operating-manual-for-open-data.md": "playbook",
 "2018-02-27-part-2-how-to-monitor-your-open-data-portal.md": "playbook",
 "2018-02-28-part-3-how-to-tame-open-data-with-standards.md": "playbook",
 "2018-03-01-part-4-why-you-need-to-profile-your-open-data.md": "playbook",
 "2018-03-12-part-1-how-to-solicit-and-select-data-science-projects.md": "playbook",
 "2018-03-19-part-2-how-to-scope-data-science-projects.md": "playbook",
 "2018-03-26-part-3-how-to-deliver-a-data-science-project.md": "playbook",
 "2018-04-02-part-4-how-to-tell-your-data-science-story.md": "playbook",
 "2015-03-20-datasf-summer-internship.md": "job",
 "2015-08-26-datasf-seeks-open-data-services-engineer.md": "job",
 "2015-10-22-share-sf-coordinator-job-post.md": "job",
 "2016-07-26-we-want-you-serve-as-the-digital-services-chief.md": "job",
 "2016-11-08-analyze-your-city-as-datasfs-data-scientist.md": "job",
 "2017-05-15-serve-your-city-be-our-neighborhood-services-engineer.md": "job",
 "2018-06-08-join-datasf-as-a-data-scientist.md": "job",
 "2020-06-24-datasf-hiring-analytics-engineer.md": "job",
 "2015-08-14-sf-open-data-roundup-1.md": "retrospective",
 "2017-06-27-the-results-are-in-data-academy-makes-a-big-impact.md": "retrospective",
 "2018-04-16-from-private-to-public-my-first-year-as-a-data-scientist-with-the-city.md": "retrospective",
 "2015-05-13-raising-digital-barn.md": "retrospective",
 "2018-01-25-why-san-francisco-is-proud-to-be-what-works-cities-certified.md": "other",
 "2020-02-28-open-data-day.md": "other",
 "2015-04-24-housing-data-hub-launched.md": "copy",
 "2016-10-31-show-me-the-data-dictionary.md": "copy",
 "2017-05-31-new-sf-building-footprints-released-with-3d-characteristics.md": "copy",
 "2018-09-28-new-police-department-incident-report-data-now-live.md": "copy",
 "2020-10-27-new-campaign-finance-app.md": "copy",
 "2015-01-23-data-license-liberation-day.md": "other",
 "2015-09-21-meet-casey-the-user-open-data-portals-forgot.md": "other",
 "2017-08-01-unpacking-a-10-billion-budget.md": "other",
 "2017-02-28-data-shakers-and-innovators.md": "other",
 "2020-01-17-unlocking-analytical-capacity-with-power-bi.md": "copy",
}
SEL = []
for f, k in datasf_blog.items():
    SEL.append(("DataSF__datasf.github.io", DS_HEAD, B + f, k))
for f, k in [("publishing/guidelines.md", "procedure"), ("publishing/submission-guidelines.md", "procedure"),
             ("publishing/automation.md", "procedure"), ("privacy/index.md", "reference"),
             ("statstarterkit/index.md", "playbook"),
             ("showcase/datascience/_posts/2018-01-19-eviction-alert-system.md", "copy"),
             ("showcase/datascience/_posts/2018-01-19-ab-testing-service-and-results-to-date.md", "copy"),
             ("showcase/powerbi/_posts/2018-01-19-city-performance-scorecards.md", "copy"),
             ("showcase/powerbi/_posts/2019-09-03-affordable-housing-report.md", "copy"),
             ("academy/_posts/2020-04-06-intro-to-project-management.md", "copy"),
             ("academy/_posts/2016-03-11-service-design-in-government.md", "copy"),
             ("academy/_posts/2016-11-14-lean-101.md", "copy"),
             ("academy/_posts/2023-01-06-developing-actionable-research.md", "copy"),
             ("academy/_posts/2023-01-10-leveraging-the-city-s-open-data.md", "copy"),
             ("academy/archive_courses/2020-03-31-lean-leaders.md", "copy"),
             ("_team_members/joy-bonaguro.md", "team"), ("_team_members/jason-lally.md", "team"),
             ("_team_members/erica-finkle.md", "team"), ("_team_members/luke-fuller.md", "team")]:
    SEL.append(("DataSF__datasf.github.io", DS_HEAD, f, k))
for f, k in [("datasf-strategic-planning.md", "plan"), ("open-data-program-management.md", "reference"),
             ("open-data-metrics.md", "reference"), ("managing-with-data.md", "reference"),
             ("results-based-accountability-rba.md", "reference"), ("data-inventory-guidance.md", "procedure"),
             ("open-data-release-toolkit.md", "procedure"), ("data-quality.md", "reference"),
             ("metadata-standard.md", "reference"), ("open-data-licensing-standard.md", "reference"),
             ("datasciencesf.md", "reference"), ("personal-data-request.md", "procedure"), ("power-bi.md", "reference")]:
    SEL.append(("DataSF__datasf.github.io", DS_RT, "_resource_topics/" + f, k))

zal = {
 "README.md": "reference", "CONTRIBUTING.md": "procedure", "SECURITY.md": "procedure",
 ".github/ISSUE_TEMPLATE.md": "template", ".github/PULL_REQUEST_TEMPLATE.md": "template",
 "_docs/index.md": "reference",
 "_docs/promoting/organize-release-party.md": "playbook", "_docs/promoting/promotion-channels.md": "playbook",
 "_docs/promoting/write-announcement-email.md": "template", "_docs/promoting/write-project-intro-blog.md": "procedure",
 "_docs/releasing/Discontinuing-a-project.md": "procedure", "_docs/releasing/contributions.md": "procedure",
 "_docs/releasing/graduation.md": "procedure", "_docs/releasing/incubation.md": "procedure",
 "_docs/releasing/index.md": "procedure", "_docs/releasing/lead-sign-off-guide.md": "procedure",
 "_docs/reports/2018/june-2018.md": "retrospective", "_docs/reports/2019/january-2019.md": "retrospective",
 "_docs/resources/github.md": "procedure", "_docs/resources/harassment-policy.md": "other",
 "_docs/resources/innersource-howto.md": "playbook", "_docs/resources/licensing.md": "reference",
 "_docs/resources/open-source-guild.md": "team", "_docs/resources/open-source-review-group.md": "team",
 "_docs/resources/open-source-team.md": "team", "_docs/resources/teams-groups.md": "team",
 "_docs/using/contributing.md": "procedure", "_docs/using/employee-copyright.md": "reference",
 "_docs/using/index.md": "reference", "_pages/index.md": "copy", "_pages/projects.md": "reference",
 "_posts/2017-08-30-innersource-do-dont.md": "playbook", "_posts/2017-10-17-small-pull-requests.md": "other",
 "_posts/2018-01-11-faces-of-fashion-mnist.md": "other", "_posts/2018-02-22-zalando-at-fosdem.md": "other",
 "_posts/2018-08-27-welcome-innersource-manager.md": "team",
 "_posts/2018-09-05-strengthens-innersource-strategy.md": "strategy",
 "_posts/2018-11-05-connexion-20-release.md": "copy", "_posts/2018-11-06-october-updates.md": "retrospective",
 "_posts/2018-11-26-postgres-operator.md": "other", "_posts/2018-12-06-november-review.md": "retrospective",
 "_posts/2019-01-07-december-review.md": "retrospective", "_posts/2019-01-29-nakadi-goes-to-fosdem.md": "other",
 "_posts/2019-02-04-Open-Source-Harassment-Policy.md": "other", "_posts/2019-02-07-jan-updates.md": "retrospective",
 "_posts/2019-03-17-feb-updates.md": "retrospective", "_posts/2019-04-25-mar-updates.md": "retrospective",
 "_posts/2019-05-09-How-We-Release-Code.md": "procedure", "_posts/2019-07-15-jun-updates.md": "retrospective",
}
for f, k in zal.items():
    SEL.append(("zalando__zalando.github.io", Z, f, k))

for f, k in [("TrainingAndEvaluationPlan.md", "plan"), ("TrainingPlanV1.md", "plan"), ("TrainingPlanV2.md", "plan"),
             ("TrainingPlanV3.md", "plan"), ("Assessments/InitialFAIRshakeDocsAssessment.md", "reference"),
             ("README.md", "reference"), ("CONTRIBUTING.md", "procedure"),
             ("docs/Website-Style-Guide/7ReleasePlan.md", "plan"), ("docs/Website-Style-Guide/index.md", "reference"),
             ("docs/Website-Style-Guide/1WebsiteNavStyle.md", "procedure"), ("docs/Website-Style-Guide/2GenTutorialStyle.md", "procedure"),
             ("docs/Website-Style-Guide/3TutorialComponents.md", "procedure"), ("docs/Website-Style-Guide/4RecordingStyleGuide.md", "procedure"),
             ("docs/Website-Style-Guide/6PracticeGithubRepos.md", "procedure"), ("docs/Website-Style-Guide/8TutorialTemplate.md", "template"),
             ("docs/Release-Notes/history.md", "retrospective"), ("docs/Release-Notes/index.md", "reference"),
             ("docs/Release-Notes/October-2020.md", "retrospective"), ("docs/Release-Notes/February-2021.md", "retrospective"),
             ("docs/Release-Notes/February-2022.md", "retrospective"),
             ("docs/CFDE-Internal-Training/index.md", "reference"), ("docs/CFDE-Internal-Training/cfdebot_website_editing.md", "procedure"),
             ("docs/CFDE-Internal-Training/ProtectedBranch_HowTo.md", "procedure"),
             ("docs/Common-Fund-Tools/index.md", "reference"), ("docs/Cloud-Platforms/Introduction-to-AWS/index.md", "copy"),
             (".github/PULL_REQUEST_TEMPLATE.md", "template")]:
    SEL.append(("nih-cfde__training-and-engagement", CT, f, k))
for f, k in [("README.md", "reference"), ("PointsOfContact.md", "team"), ("CommunicationManagementHelp.md", "procedure"),
             ("MailingLists.md", "reference"), ("OnboardingHelp.md", "procedure"),
             ("infrastructure/OnboardingWorkflow.md", "procedure"), ("infrastructure/OffboardingWorkflow.md", "procedure"),
             ("infrastructure/UserChangesWorkflow.md", "procedure"), ("infrastructure/Websites.md", "reference"),
             ("projectmanagement/README.md", "procedure"), ("projectmanagement/AddingIssuesToEpics.md", "procedure"),
             ("projectmanagement/GitHubUsage.md", "procedure"), ("projectmanagement/NewRepositoryGuide.md", "procedure"),
             ("CONTRIBUTING.md", "procedure")]:
    SEL.append(("nih-cfde__organization", CO, f, k))
for f, k in [("Release-Plan/Documentation-Release-Plan.md", "plan"), ("README.md", "procedure"), ("docs/about/about.md", "copy"),
             ("docs/index.md", "copy")]:
    SEL.append(("nih-cfde__published-documentation", CP, f, k))

for f, k in [("README.md", "reference"), ("index.md", "reference"), ("culture-values/index.md", "other"),
             ("culture-values/language/index.md", "reference"), ("culture-values/mission-patches/index.md", "other"),
             ("editing.md", "procedure"), ("program-management/index.md", "team"), ("resources/index.md", "reference"),
             ("service-design-delivery-process/index.md", "procedure"), ("service-design-delivery-process/discovery.md", "procedure"),
             ("service-design-delivery-process/alpha.md", "procedure"), ("service-design-delivery-process/beta.md", "procedure"),
             ("service-design-delivery-process/live.md", "procedure"), ("service-design-delivery-process/mobilisation.md", "procedure"),
             ("strategy/index.md", "strategy"), ("strategy/agile/index.md", "playbook"), ("strategy/agile/feedback-loop.md", "playbook"),
             ("strategy/agile/sprints.md", "procedure"), ("strategy/team-structure/index.md", "team"),
             ("teams/index.md", "team"), ("teams/building-teams.md", "playbook"), ("teams/delivery-manager.md", "job"),
             ("teams/product-manager.md", "job")]:
    SEL.append(("envris__digital-trade-handbook", EV, f, k))

for f, k in [("resources/december-report/summary.md", "retrospective"), ("resources/december-report/introduction.md", "other"),
             ("resources/december-report/charter.md", "plan"), ("resources/december-report/value-proposition.md", "strategy"),
             ("resources/december-report/challenges.md", "strategy"), ("resources/december-report/implementation.md", "plan"),
             ("resources/december-report/appendix-a.md", "meeting"),
             ("resources/july-report/executive-summary.md", "strategy"), ("resources/july-report/introduction.md", "other"),
             ("resources/july-report/recommendations.md", "strategy"), ("resources/july-report/risks-challenges.md", "other"),
             ("resources/july-report/assessment.md", "reference"), ("resources/july-report/cfde-resources.md", "reference"),
             ("resources/july-report/appendix-a.md", "meeting"),
             ("resources/october-report/introduction.md", "other"), ("resources/october-report/assessment.md", "reference"),
             ("resources/october-report/opportunities-challenges.md", "strategy"),
             ("resources/october-report/approaches-to-operationalize.md", "plan"),
             ("resources/october-report/concerns-risks-threats.md", "other"),
             ("resources/october-report/appendix-c.md", "reference"),
             ("products/levelsroadmap.md", "plan"), ("products/ProposedLevel1.md", "reference"),
             ("products/C2M2-participation.md", "procedure"), ("products/product-C2M2.md", "copy"),
             ("products/product-FAIRshake.md", "copy"), ("products/product-faircookbook.md", "copy"),
             ("engagement/engagement-opportunities.md", "procedure"), ("engagement/engagement-training.md", "copy"),
             ("engagement/engagement-events-help.md", "procedure"), ("engagement/engagement-UCL.md", "reference"),
             ("partners/partners.md", "reference"), ("partners/partner-KOMP.md", "copy"), ("partners/partner-Glycosciences.md", "copy"),
             ("partners/partner-A2CPS.md", "copy"), ("onboarding.md", "procedure"), ("about.md", "copy"), ("news.md", "other"),
             ("publications.md", "reference"), ("resources/use-cases/data-owner.md", "reference"),
             ("resources/use-cases/power-user.md", "reference"), ("resources/knowledgebase/funding/strides.md", "reference"),
             ("resources/resources-landing.md", "reference"), ("README.md", "procedure")]:
    SEL.append(("nih-cfde__public-website-content", CW, f, k))
