global using OutboxGen.Analyzers.Tests.Infrastructure;
