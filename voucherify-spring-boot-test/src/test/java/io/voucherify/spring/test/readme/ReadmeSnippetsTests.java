package io.voucherify.spring.test.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of the READMEs is the tagged region ({@code // tag::name[]} to
 * {@code // end::name[]}) of a test source that the build compiles, named by the
 * {@code <!-- source: path#name -->} comment above the block: the READMEs cannot drift
 * from the code. The sources in this module and in the auto-configuration module's
 * {@code readme} package are tests that run, or methods that compile.
 */
class ReadmeSnippetsTests {

	/** Tests run in this module's folder, one below the repository's root. */
	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern BLOCK = Pattern
		.compile("<!-- source: ([^#\\s]+)#([\\w-]+) -->\\s*\\n([ \\t]*)```java\\n(.*?)\\n[ \\t]*```", Pattern.DOTALL);

	private static final Pattern ANY_JAVA_BLOCK = Pattern.compile("```java\\n");

	static Stream<Path> readmes() {
		return Stream.of(ROOT.resolve("README.md"), ROOT.resolve("voucherify-spring-boot-test/README.md"));
	}

	static Stream<Snippet> snippets() throws IOException {
		List<Snippet> snippets = new ArrayList<>();
		for (Path readme : readmes().toList()) {
			Matcher block = BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
			while (block.find()) {
				snippets.add(new Snippet(ROOT.relativize(readme), block.group(1), block.group(2), block.group(4)));
			}
		}
		return snippets.stream();
	}

	@ParameterizedTest
	@MethodSource("readmes")
	void everyJavaBlockNamesItsSource(Path readme) throws IOException {
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		long blocks = ANY_JAVA_BLOCK.matcher(text).results().count();
		long sourced = BLOCK.matcher(text).results().count();

		assertThat(blocks).as("Java blocks in %s", readme).isPositive();
		assertThat(sourced).as("Java blocks of %s preceded by <!-- source: path#tag -->", readme).isEqualTo(blocks);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("snippets")
	void everyJavaBlockIsItsTaggedSource(Snippet snippet) throws IOException {
		Path source = ROOT.resolve(snippet.source());
		assertThat(source).as("source of %s", snippet).isRegularFile();
		String text = Files.readString(source, StandardCharsets.UTF_8);
		String start = "// tag::" + snippet.tag() + "[]\n";
		String end = "// end::" + snippet.tag() + "[]";
		assertThat(text).as("tags in %s", source).contains(start, end);
		String region = text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
		region = region.substring(0, region.lastIndexOf('\n'));

		assertThat(outdent(snippet.code())).isEqualTo(outdent(region));
	}

	/** The lines without their common indentation or trailing blanks. */
	private static String outdent(String code) {
		List<String> lines = code.lines().map(String::stripTrailing).toList();
		String indent = null;
		for (String line : lines) {
			if (!line.isEmpty()) {
				String own = line.substring(0, line.length() - line.stripLeading().length());
				indent = (indent == null || own.length() < indent.length()) ? own : indent;
			}
		}
		int cut = (indent != null) ? indent.length() : 0;
		return String.join("\n", lines.stream().map((line) -> line.isEmpty() ? line : line.substring(cut)).toList());
	}

	record Snippet(Path readme, String source, String tag, String code) {

		@Override
		public String toString() {
			return this.readme + ": " + this.tag;
		}

	}

}
