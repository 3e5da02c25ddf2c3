using FineTune.Cli;

return FinetuneCommand.Create().Parse(args).Invoke();
