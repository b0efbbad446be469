using Tasks.Sdk;

public sealed class Misuse(IGreetingsClient greetings)
{
    private TaskContext? _kept;

    public async Task OutsideATaskAsync() => await greetings.Greet.TriggerAndWaitAsync(new Greet("a"));                 // TASK100

    [Task("misuse")]
    public async Task InsideATaskAsync(Greet payload, TaskContext context)
    {
        await Task.WhenAll(greetings.Greet.TriggerAndWaitAsync(payload), greetings.Greet.TriggerAndWaitAsync(payload));  // TASK101
        await greetings.Greet.TriggerAsync(payload, new TriggerOptions { IdempotencyKey = Guid.NewGuid().ToString() });  // TASK102
        _kept = context;                                                                                                // TASK103
    }

    public const string Key = "tr_dev_3fK9qLm2Xv8RtY6pW1zNa4Bc";                                                        // TASK201
}
