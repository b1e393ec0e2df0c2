package com.marketbridge.bootstrap.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    @TempDir
    Path folder;

    @Test
    void trainsWithTheShippedOptionsLessTheArchiveItIsAboutToRecord() throws Exception {
        Path options = folder.resolve("marketbridge.jvm-options");
        Files.writeString(options, """
                # the archive
                -XX:SharedArchiveFile=/opt/marketbridge/marketbridge.jsa

                -Xmx72m   # the heap
                -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m
                """);

        assertThat(TrainingRun.jvmOptions(options)).containsExactly("-Xmx72m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");
        assertThat(TrainingRun.classDataOption(options)).isEqualTo("-XX:SharedArchiveFile=/opt/marketbridge/marketbridge.jsa");
    }

    @Test
    void recordsAnAotCacheWhereTheOptionsNameOne() throws Exception {
        Path options = folder.resolve("marketbridge.jvm-options");
        Files.writeString(options, "-XX:AOTCache=/opt/marketbridge/marketbridge.aot\n-Xmx72m\n");

        assertThat(TrainingRun.jvmOptions(options)).containsExactly("-Xmx72m");
        assertThat(TrainingRun.classDataOption(options)).isEqualTo("-XX:AOTCache=/opt/marketbridge/marketbridge.aot");
    }

    @Test
    void refusesQuotedOptionsRatherThanReadThemOtherwiseThanTheJavaLauncher() throws Exception {
        Path options = folder.resolve("marketbridge.jvm-options");
        Files.write(options, List.of("-Dmarketbridge.note=\"two words\""));

        assertThatThrownBy(() -> TrainingRun.jvmOptions(options)).hasMessageContaining("quoted");
    }

    /** The shipped file, as mvn package writes it next to the jar (the failsafe run has it; a plain test run may not). */
    @Test
    void theShippedOptionsNameTheClassDataAndCapTheHeap() throws Exception {
        Path shipped = Path.of("src", "main", "jvm", "marketbridge.jvm-options");

        // the pom fills it in: the archive, or the AOT cache on JDK 25 and later
        assertThat(Files.readString(shipped)).contains("${class-data.option}");
        assertThat(TrainingRun.jvmOptions(shipped)).anyMatch(option -> option.startsWith("-Xmx")).contains("-XX:+UseSerialGC");
    }
}
