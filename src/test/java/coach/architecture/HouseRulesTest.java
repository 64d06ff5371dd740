package coach.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules that keep the house in shape: Slack stays in its adapter, the core never leans on an adapter, packages
 * form no cycles, a repository is used only by its own package, and a package's SQL names only its own tables (other
 * packages ask its service).
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

    /**
     * Slack's surfaces (slack.mock, slack.practice, slack.progress, …) form no cycles either: the others may post
     * mock's questions, and mock reaches them only through its ports ({@code MockPorts}).
     */
    @ArchTest
    static final ArchRule slackSurfacesFormNoCycles = slices().matching("coach.slack.(*)..").should().beFreeOfCycles();

    /** The shared Slack infrastructure knows no surface: the wiring registers each surface's listeners on it. */
    @ArchTest
    static final ArchRule slackInfrastructureKnowsNoSurface = noClasses().that().resideInAPackage("coach.slack")
            .should().dependOnClassesThat().resideInAnyPackage("coach.slack.mock..", "coach.slack.practice..",
                    "coach.slack.progress..", "coach.slack.comp..");

    @ArchTest
    static final ArchRule repositoriesStayInTheirPackage = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
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

    /**
     * Which package owns each table (the one whose classes may name it in SQL). A new migration's table must be added
     * here, or {@link #everyTableHasAnOwner} fails.
     */
    static final Map<String, Set<String>> TABLE_OWNERS = Map.ofEntries(
            Map.entry("interview_session", Set.of("coach.interview")),
            Map.entry("asked_question", Set.of("coach.interview")),
            Map.entry("answer", Set.of("coach.interview")),
            Map.entry("grade", Set.of("coach.grading")),
            Map.entry("grade_criterion", Set.of("coach.grading")),
            Map.entry("practice_subscription", Set.of("coach.practice")),
            Map.entry("practice_delivery", Set.of("coach.practice")),
            Map.entry("practice_pause", Set.of("coach.practice")),
            Map.entry("practice_channel_post", Set.of("coach.practice")),
            Map.entry("self_rating", Set.of("coach.progress")),
            Map.entry("team_member", Set.of("coach.progress")),
            // Slack-only state; WatchedChannels moves from comp into slack's comp surface in the comp rework
            Map.entry("comp_watch", Set.of("coach.slack.comp")),
            Map.entry("slack_delivery", Set.of("coach.slack")),
            Map.entry("processed_event", Set.of("coach.slack")),
            Map.entry("seen_signature", Set.of("coach.slack")),
            Map.entry("slack_installation", Set.of("coach.install")),
            Map.entry("slack_oauth_state", Set.of("coach.install")),
            Map.entry("slack_token_key_check", Set.of("coach.install")),
            Map.entry("scheduled_tasks", Set.of("coach.jobs")));

    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL_TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table|exists)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private static final Pattern SPLICED = Pattern.compile("\\b(?:from|into|update|join)\\s+\"\\s*\\+", Pattern.CASE_INSENSITIVE);

    /**
     * The tables a source file names in its string literals: after from/join/into/update; and, in a file that splices
     * a table name into SQL ({@code "delete from " + table}), every literal that is a table name (but not a bound
     * parameter's name).
     */
    static Set<String> tablesNamedIn(String source) {
        Set<String> tables = new TreeSet<>();
        boolean splices = SPLICED.matcher(source).find();
        Matcher m = STRING.matcher(source);
        while (m.find()) {
            String literal = m.group(1) != null ? m.group(1) : m.group(2);
            boolean bindName = source.substring(Math.max(0, m.start() - 9), m.start()).matches(".*bind(List)?\\($");
            if (splices && !bindName && TABLE_OWNERS.containsKey(literal.trim())) tables.add(literal.trim());
            Matcher sql = SQL_TABLE.matcher(literal);
            while (sql.find()) {
                String name = sql.group(1).toLowerCase(java.util.Locale.ROOT);
                if (TABLE_OWNERS.containsKey(name)) tables.add(name);
            }
        }
        return tables;
    }

    /** A package reads and writes only its own tables; for another package's data it asks that package's service. */
    @ArchTest
    static void sqlTouchesOnlyItsOwnPackagesTables(JavaClasses classes) throws IOException {
        Map<String, Set<String>> trespass = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/coach"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(f);
                if (!source.contains("jdbi") && !source.contains("Jdbi")) continue; // runs no SQL
                String pkg = Path.of("src/main/java").relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                if (pkg.equals("coach")) continue; // the wiring names no tables, it hands Jdbi to the repositories
                for (String table : tablesNamedIn(source)) {
                    if (!TABLE_OWNERS.get(table).contains(pkg)) {
                        trespass.computeIfAbsent(f.toString(), k -> new TreeSet<>()).add(table + " (owned by "
                                + String.join(" or ", new TreeSet<>(TABLE_OWNERS.get(table))) + ")");
                    }
                }
            }
        }
        assertThat(trespass).as("SQL naming another package's tables").isEmpty();
    }

    /** Every table the migrations create has an owner above (so the rule covers new tables too). */
    @ArchTest
    static void everyTableHasAnOwner(JavaClasses classes) throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = create.matcher(Files.readString(f));
                while (m.find()) created.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(TABLE_OWNERS.keySet()).as("tables with a declared owner").containsAll(created);
    }

    /** The scan itself: it finds tables in text blocks, in plain literals, and in table-name lists. */
    @ArchTest
    static void theTableScanSeesSql(JavaClasses classes) {
        assertThat(tablesNamedIn("h.createQuery(\"\"\"\n select a.id from answer a\n join grade g on g.answer_id = a.id\"\"\")"))
                .containsExactly("answer", "grade");
        assertThat(tablesNamedIn("h.createUpdate(\"insert into self_rating (x) values (1)\")")).containsExactly("self_rating");
        assertThat(tablesNamedIn("for (String t : List.of(\"grade_criterion\", \"grade\")) h.createUpdate(\"delete from \" + t)"))
                .containsExactly("grade", "grade_criterion");
        assertThat(tablesNamedIn("Map.of(\"comp_watch\", 1)")).isEmpty(); // a label, not SQL
        assertThat(tablesNamedIn("h.createUpdate(\"delete from \" + t).bind(\"answer\", id)")).isEmpty(); // a parameter
        assertThat(tablesNamedIn("log.info(\"the answer from you\")")).isEmpty();
    }
}
