package coach.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/** Block Kit as the JSON the Web API takes, written by the SDK's own serializer, so it can be stored in a job. */
public final class SlackJson {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private SlackJson() {}

    public static String blocks(List<LayoutBlock> blocks) {
        return blocks == null ? null : GSON.toJson(blocks);
    }

    public static String view(View view) {
        return GSON.toJson(view);
    }
}
