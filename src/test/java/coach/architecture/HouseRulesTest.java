package coach.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the house in shape: Slack stays in its adapter, the core never leans on an adapter, packages
 * form no cycles, and a repository is used only by its own package (other packages ask its service).
 */
@AnalyzeClasses(packages = "coach", importOptions = ImportOption.DoNotIncludeTests.class)
class HouseRulesTest {
    static final String[] CORE = {"coach.interview..", "coach.grading..", "coach.practice..", "coach.comp..",
            "coach.config..", "coach.store..", "coach.progress..", "coach.jobs..", "coach.llm.."};
    /** coach.install is the Slack adapter's multi-workspace install (Bolt's installation and state services). */
    static final String[] ADAPTERS = {"coach.slack..", "coach.install..", "coach.console..", "coach.web.."};

    @ArchTest
    static final ArchRule slackOnlyInItsAdapter = noClasses()
            .that().resideOutsideOfPackages("coach.slack..", "coach.install..")
            .and().resideOutsideOfPackage("coach") // the wiring: App, SlackWiring, Main
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("Slack is an adapter: the core returns records and knows nothing of Bolt");

    @ArchTest
    static final ArchRule coreNeverDependsOnAdapters = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("coach.App")
            .because("adapters render the core; the core never reaches back up");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("coach.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesStayInTheirPackage = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should().onlyBeAccessed().byClassesThat(new com.tngtech.archunit.base.DescribedPredicate<>(
                    "are in the repository's own package, or the wiring") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                    return c.getPackageName().startsWith("coach");
                }
            })
            .andShould(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                    "be used only by classes of its own package or by the wiring (package coach)") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass repo,
                                  com.tngtech.archunit.lang.ConditionEvents events) {
                    for (var access : repo.getAccessesToSelf()) {
                        var origin = access.getOriginOwner();
                        boolean allowed = origin.getPackageName().equals(repo.getPackageName())
                                || origin.getPackageName().equals("coach");
                        if (!allowed) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(access,
                                    origin.getName() + " uses " + repo.getSimpleName() + " from another package"));
                        }
                    }
                }
            });
}
