package coach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** No method (or constructor) in src/main is over 60 lines, from its signature to its closing brace. */
class MethodLengthTest {
    static final int MAX_LINES = 60;

    @Test
    void noMethodInSrcMainIsOver60Lines() throws IOException {
        assertThat(methodsOver(MAX_LINES)).isEmpty();
    }

    @Test
    void theScanSeesMethodsAndMeasuresThem() throws IOException {
        // the scan is not vacuous: with a limit of 20 lines it finds some
        assertThat(methodsOver(20)).isNotEmpty();
    }

    static List<String> methodsOver(int limit) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> tooLong = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none", "-encoding", "UTF-8"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree node, String outer) {
                        return super.visitClass(node, outer + node.getSimpleName() + ".");
                    }

                    @Override
                    public Void visitMethod(MethodTree method, String owner) {
                        long start = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, method));
                        long end = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, method));
                        if (end - start + 1 > limit) {
                            tooLong.add(owner + method.getName() + " (" + (end - start + 1) + " lines)");
                        }
                        return super.visitMethod(method, owner);
                    }
                }.scan(unit, "");
            }
        }
        return tooLong;
    }
}
