global using OutboxGen.Analyzers.Tests.Infrastructure;
global using Microsoft.CodeAnalysis.Testing;
