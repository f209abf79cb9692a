using HybridCloud;

if (!SampleOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

if (!DatabaseFolder.TryPrepare(options.DatabaseFolder, out var folder, out error))
{
    Console.Error.WriteLine(error);
    return 2;
}

// The first Ctrl+C stops the run between steps so the folder is reported; a second one ends the process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

var succeeded = false;
try
{
    succeeded = await SampleRun.RunAsync(options, folder, interrupt.Token);
}
catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
}
catch (Exception exception)
{
    Console.Error.WriteLine($"The sample failed: {exception}");
}

folder.Finish(succeeded);
return succeeded ? 0 : 1;
