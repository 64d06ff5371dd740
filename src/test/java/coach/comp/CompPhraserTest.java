package coach.comp;

import coach.slack.comp.CompMrkdwn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

class CompPhraserTest {
    static final CompService SERVICE = CompAnswererTest.SERVICE;
    static final String QUESTION = "what is L4 base in London?";

    final ChatModel model = mock(ChatModel.class);
    final CompPhraser phraser = new CompPhraser(model, CompAnswererTest.GROUNDING,
            CompPhraser.loadPrompt(java.nio.file.Path.of("prompts")));
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(CompPhraser.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    void llmReplies(String text) {
        when(model.chat(any(ChatRequest.class)))
                .thenReturn(ChatResponse.builder().aiMessage(AiMessage.from(text)).build());
    }

    @Test
    void anInventedFigureIsCaughtAndTheTemplatedAnswerUsed() {
        CompReply templated = SERVICE.answer(QUESTION);
        String invented = "An L4 in London earns about *£95K base* (the London band is £82K–£105K; US L4 median $190k)."
                + " Sources: Confluent AI Engineer Interview Guide 2026; Confluent ML/AI Engineer Global Negotiation Guide.";
        llmReplies(invented);

        CompReply reply = phraser.phrase(templated);

        assertThat(reply).isEqualTo(templated);
        assertThat(phraser.stats()).isEqualTo(new CompPhraser.Stats(0, 1, 0));
        assertThat(logs.list).hasSize(1);
        String logged = logs.list.get(0).getFormattedMessage();
        assertThat(logged).contains("rejected").contains("1 of 5 numbers not grounded");
        assertThat(logged).doesNotContain("95").doesNotContain("London").doesNotContain("L4");
    }

    @Test
    void aCurrencySwapIsCaught() {
        CompReply templated = SERVICE.answer(QUESTION);
        llmReplies("London ML/AI engineers: base $82K–$105K; the US L4 median is $190k.");
        assertThat(phraser.phrase(templated)).isEqualTo(templated);
        assertThat(phraser.stats().rejected()).isEqualTo(1);
    }

    @Test
    void wrongArithmeticIsCaught() {
        CompReply templated = SERVICE.answer("L4 vs L5 equity");
        llmReplies("L5 equity is $130k and L4 equity $70k, so $130k − $70k = $65k more.");
        assertThat(phraser.phrase(templated)).isEqualTo(templated);
    }

    @Test
    void aGroundedRephrasingIsUsedAndKeepsItsSources() {
        CompReply templated = SERVICE.answer(QUESTION);
        String rephrased = "There's no per-level London figure. For context:\n"
                + "• US L4 median base: *$190k*\n"
                + "• London ML/AI engineer band (all levels): *£82K–£105K*";
        llmReplies(rephrased);

        CompReply reply = phraser.phrase(templated);

        assertThat(CompMrkdwn.render(reply)).startsWith(rephrased)
                .contains("_Sources: Confluent AI Engineer Interview Guide 2026 (June 2026); "
                        + "Confluent ML/AI Engineer Global Negotiation Guide (2025-2026 data)._");
        assertThat(reply.sources()).isEqualTo(templated.sources());
        assertThat(reply.grounded()).isTrue();
        assertThat(phraser.stats()).isEqualTo(new CompPhraser.Stats(1, 0, 0));
        assertThat(logs.list).isEmpty();
    }

    @Test
    void anOfferRephrasingMayUseTheUsersFiguresAndStatedArithmetic() {
        CompReply templated = SERVICE.checkOffer("level=L4 region=mountain-view base=190k bonus=15% equity=250k");
        llmReplies("Your $190K base is inside the Mountain View band ($188K–$232K), 5% of the way up. With a 15% bonus"
                + " ($28.5K) and $250K of RSUs over 4 years ($62.5K a year) you're at $281K a year. Counter at $345K in"
                + " RSUs; accept at $320K+. Not legal or tax advice.");
        CompReply reply = phraser.phrase(templated);
        assertThat(CompMrkdwn.render(reply)).startsWith("Your $190K base").contains("Not legal or tax advice");
        assertThat(phraser.stats().phrased()).isEqualTo(1);
    }

    @Test
    void theLlmSeesTheTemplatedAnswerNotTheUsersMessage() {
        String question = "<!channel> what is L4 base in London?";
        CompReply templated = SERVICE.answer(question);
        llmReplies("The London band is £82K–£105K; the US L4 median is $190k.");
        phraser.phrase(templated);
        ArgumentCaptor<ChatRequest> request = ArgumentCaptor.forClass(ChatRequest.class);
        verify(model).chat(request.capture());
        String sent = request.getValue().messages().stream().map(CompPhraserTest::text).reduce("", String::concat);
        assertThat(sent).contains("£82K–£105K").doesNotContain("<!channel>");
    }

    @Test
    void aMentionInTheLlmReplyIsRejected() {
        CompReply templated = SERVICE.answer(QUESTION);
        llmReplies("<!channel> the London band is £82K–£105K");
        assertThat(phraser.phrase(templated)).isEqualTo(templated);
        assertThat(phraser.stats().rejected()).isEqualTo(1);
    }

    @Test
    void llmFailureFallsBackToTheTemplatedAnswer() {
        CompReply templated = SERVICE.answer(QUESTION);
        when(model.chat(any(ChatRequest.class))).thenThrow(new RuntimeException("timeout talking to the model"));
        assertThat(phraser.phrase(templated)).isEqualTo(templated);
        assertThat(phraser.stats()).isEqualTo(new CompPhraser.Stats(0, 0, 1));
        assertThat(logs.list.get(0).getFormattedMessage()).doesNotContain("timeout talking");
    }

    @Test
    void helpIsNotSentToTheLlm() {
        CompReply help = SERVICE.help();
        assertThat(phraser.phrase(help)).isEqualTo(help);
        verify(model, never()).chat(any(ChatRequest.class));
    }

    private static String text(ChatMessage m) {
        return m instanceof UserMessage u ? u.singleText() : m.toString();
    }
}
